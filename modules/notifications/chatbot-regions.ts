/**
 * Where the AWS Chatbot (Amazon Q Developer in chat applications) API is served.
 *
 * Pure data and functions, no cdktf import.
 *
 * The Chatbot API answers only in us-east-2, us-west-2, eu-west-1 and ap-southeast-1 (Chatbot API reference,
 * "Welcome"; service endpoints table). Channel configurations must be created through one of them, whatever region
 * the topics are in; the configuration data is stored in that region. Chatbot is not offered in the aws-us-gov and
 * aws-cn partitions through this API.
 */

/** The regions that serve the Chatbot API. */
export const CHATBOT_REGIONS = ["us-east-2", "us-west-2", "eu-west-1", "ap-southeast-1"] as const;

/** A region that serves the Chatbot API. */
export type ChatbotRegion = (typeof CHATBOT_REGIONS)[number];

/** True when `region` serves the Chatbot API. */
export function isChatbotRegion(region: string): region is ChatbotRegion {
  return (CHATBOT_REGIONS as readonly string[]).includes(region);
}

/**
 * The Chatbot region used when none is configured: the home region itself when it serves the API, else the nearest
 * one by geography (Europe, Middle East, Africa and Israel -> eu-west-1; Asia Pacific -> ap-southeast-1; the US and
 * Canada west -> us-west-2; everything else -> us-east-2).
 */
export function defaultChatbotRegion(homeRegion: string): ChatbotRegion {
  if (isChatbotRegion(homeRegion)) return homeRegion;
  if (/^(eu|me|af|il)-/.test(homeRegion)) return "eu-west-1";
  if (/^ap-/.test(homeRegion)) return "ap-southeast-1";
  if (/^(us-west|ca-west)-/.test(homeRegion)) return "us-west-2";
  return "us-east-2";
}
