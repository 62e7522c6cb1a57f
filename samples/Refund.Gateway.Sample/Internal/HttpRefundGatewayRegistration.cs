namespace Refund.Gateway.Sample.Internal;

// Marks the gateway as registered, and remembers its pipeline's options name for a second AddHttpRefundGateway call.
internal sealed record HttpRefundGatewayRegistration(string PipelineName);
