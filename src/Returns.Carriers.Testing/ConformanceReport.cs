using System.Text;

namespace Returns.Carriers.Testing;

/// <summary>The outcome of one conformance check.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether the adapter passed.</param>
/// <param name="Detail">Why it failed, or what was seen.</param>
public sealed record ConformanceCheck(string Name, bool Passed, string Detail);

/// <summary>Every check the kit ran against an adapter.</summary>
/// <param name="CarrierId">The adapter's carrier id.</param>
/// <param name="Checks">The checks, in the order they ran.</param>
public sealed record ConformanceReport(string CarrierId, IReadOnlyList<ConformanceCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>The failed checks.</summary>
    public IEnumerable<ConformanceCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>A readable summary: one line per check, failures first.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Carrier '").Append(CarrierId).Append("': ")
            .Append(Checks.Count(c => c.Passed)).Append(" of ").Append(Checks.Count).AppendLine(" conformance checks passed.");
        foreach (var check in Checks.OrderBy(c => c.Passed))
        {
            text.Append(check.Passed ? "  PASS " : "  FAIL ").Append(check.Name).Append(": ").AppendLine(check.Detail);
        }

        return text.ToString();
    }
}

/// <summary>An adapter failed the conformance kit; the message lists every failed check.</summary>
public sealed class CarrierConformanceException : Exception
{
    /// <summary>Creates the exception from a report.</summary>
    /// <param name="report">The report with at least one failure.</param>
    public CarrierConformanceException(ConformanceReport report)
        : base(report?.ToString())
    {
        Report = report!;
    }

    /// <summary>The full report.</summary>
    public ConformanceReport Report { get; }
}
