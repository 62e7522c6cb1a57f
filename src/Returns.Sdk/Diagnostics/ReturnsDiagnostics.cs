using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Returns.Sdk;

// One ActivitySource for the whole SDK, named "Returns.Sdk" (as its Meter will be), so that a host enables it once.
internal static class ReturnsDiagnostics
{
    public const string Name = "Returns.Sdk";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ReturnsDiagnostics).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(ReturnsDiagnostics).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> ReturnChanges = Meter.CreateCounter<long>("returns.lifecycle.changes", description: "Committed changes to returns, by action.");

    public static readonly Counter<long> RefundsPaid = Meter.CreateCounter<long>("returns.refunds.paid", description: "Refunds the payment platform confirmed, by resolution.");

    public static readonly Counter<long> IdempotentReplays = Meter.CreateCounter<long>("returns.lifecycle.idempotent_replays", description: "Requests answered from an earlier result with the same idempotency key.");
}
