import { CHATBOT_REGIONS, defaultChatbotRegion, isChatbotRegion } from "../../modules/notifications/chatbot-regions";

test("knows the four regions that serve the Chatbot API", () => {
  expect(CHATBOT_REGIONS).toEqual(["us-east-2", "us-west-2", "eu-west-1", "ap-southeast-1"]);
  expect(isChatbotRegion("eu-west-1")).toBe(true);
  expect(isChatbotRegion("us-east-1")).toBe(false);
});

test("defaults to the home region when it serves the API, else the nearest that does", () => {
  expect(defaultChatbotRegion("eu-west-1")).toBe("eu-west-1");
  expect(defaultChatbotRegion("us-west-2")).toBe("us-west-2");
  expect(defaultChatbotRegion("eu-central-1")).toBe("eu-west-1");
  expect(defaultChatbotRegion("me-south-1")).toBe("eu-west-1");
  expect(defaultChatbotRegion("il-central-1")).toBe("eu-west-1");
  expect(defaultChatbotRegion("ap-northeast-1")).toBe("ap-southeast-1");
  expect(defaultChatbotRegion("ca-west-1")).toBe("us-west-2");
  expect(defaultChatbotRegion("us-east-1")).toBe("us-east-2");
  expect(defaultChatbotRegion("sa-east-1")).toBe("us-east-2");
});
