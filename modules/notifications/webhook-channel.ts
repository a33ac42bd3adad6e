import { Fn, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventApiDestination } from "@cdktf/provider-aws/lib/cloudwatch-event-api-destination";
import { CloudwatchEventConnection } from "@cdktf/provider-aws/lib/cloudwatch-event-connection";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { named } from "../topology/addresses";
import { WebhookChannel } from "./channels";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";

/** Props of `WebhookDestination`. */
export interface WebhookDestinationProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  /** The home region: where the rule that calls the webhook is. */
  readonly region: string;
  /** Name of the connection and of the API destination. */
  readonly name: string;
  readonly webhook: WebhookChannel;
  /**
   * Where Terraform variables named by `secretHeader.terraformVariable` are declared (one per name, shared by
   * webhooks that name the same variable).
   * @default - this construct
   */
  readonly variableScope?: Construct;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An HTTPS webhook as an EventBridge connection (API key authorization: one secret header) and API destination.
 * The header value is read at plan time from the reference the configuration gives (Secrets Manager, SSM
 * SecureString or a sensitive Terraform variable); it is stored in the Terraform state and in the connection's
 * Secrets Manager secret, never in the repository.
 *
 * Terraform: `aws_cloudwatch_event_connection.<path>_connection`, `aws_cloudwatch_event_api_destination.<path>_destination`,
 * and `data.aws_secretsmanager_secret_version.<path>_secret` or `data.aws_ssm_parameter.<path>_secret`.
 */
export class WebhookDestination extends Construct {
  public readonly connection: CloudwatchEventConnection;
  public readonly apiDestination: CloudwatchEventApiDestination;
  /** The data source or variable the secret comes from. */
  public readonly secretSource: DataAwsSecretsmanagerSecretVersion | DataAwsSsmParameter | TerraformVariable;

  constructor(scope: Construct, id: string, props: WebhookDestinationProps) {
    super(scope, id);
    const { provider, region, webhook } = props;
    const header = webhook.secretHeader;
    const sources = ["secretsManagerSecretId", "ssmParameterName", "terraformVariable"] as const;
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    if (sources.every((source) => header[source] === undefined)) {
      p.add("webhook.secretHeader", header, `one of ${sources.join(", ")} set`,
        `webhook ${webhook.name}: secretHeader must set one of ${sources.join(", ")}`);
    }
    p.throwIfAny();
    let secret: string;
    if (header.secretsManagerSecretId !== undefined) {
      const version = named(
        new DataAwsSecretsmanagerSecretVersion(this, "Secret", { provider, region, secretId: header.secretsManagerSecretId }),
      );
      secret = header.secretsManagerJsonKey === undefined
        ? version.secretString
        : Fn.lookup(Fn.jsondecode(version.secretString), header.secretsManagerJsonKey);
      this.secretSource = version;
    } else if (header.ssmParameterName !== undefined) {
      const parameter = named(new DataAwsSsmParameter(this, "Secret", { provider, region, name: header.ssmParameterName, withDecryption: true }));
      secret = parameter.value;
      this.secretSource = parameter;
    } else {
      const variable = sensitiveVariable(props.variableScope ?? this, header.terraformVariable as string);
      secret = variable.stringValue;
      this.secretSource = variable;
    }
    this.connection = named(
      new CloudwatchEventConnection(this, "Connection", {
        provider,
        region,
        name: props.name,
        description: `GuardDuty finding notifications to webhook ${webhook.name}`,
        authorizationType: "API_KEY",
        authParameters: { apiKey: { key: header.headerName, value: `${header.valuePrefix ?? ""}${secret}` } },
      }),
    );
    this.apiDestination = named(
      new CloudwatchEventApiDestination(this, "Destination", {
        provider,
        region,
        name: props.name,
        description: `GuardDuty finding notifications to webhook ${webhook.name}`,
        invocationEndpoint: webhook.endpoint,
        httpMethod: webhook.httpMethod ?? "POST",
        invocationRateLimitPerSecond: webhook.invocationRateLimitPerSecond ?? 10,
        connectionArn: this.connection.arn,
      }),
    );
  }
}

/**
 * The sensitive string variable `name` (set with `TF_VAR_<name>`), declared once under `scope` and reused by every
 * webhook that names it. Its Terraform name is `name` itself, so that `TF_VAR_<name>` works.
 */
function sensitiveVariable(scope: Construct, name: string): TerraformVariable {
  const id = `Variable-${name}`;
  const existing = scope.node.tryFindChild(id);
  if (existing instanceof TerraformVariable) return existing;
  const variable = new TerraformVariable(scope, id, {
    type: "string",
    sensitive: true,
    nullable: false,
    description: "Secret header value of a GuardDuty notification webhook (set TF_VAR_" + name + ")",
  });
  variable.overrideLogicalId(name);
  return variable;
}
