namespace Returns.Sdk.Policy;

/// <summary>What identifies one version of a policy and when it took effect.</summary>
public sealed record ReturnPolicyVersion
{
    internal ReturnPolicyVersion(string version, DateTimeOffset effectiveFrom, TimeZoneInfo timeZone, IReadOnlyList<Currency> currencies, int windowDays, bool euWithdrawal)
    {
        Version = version;
        EffectiveFrom = effectiveFrom;
        TimeZone = timeZone;
        Currencies = currencies;
        WindowDays = windowDays;
        AppliesEuWithdrawal = euWithdrawal;
    }

    /// <summary>The version's name, e.g. <c>2026.1</c>.</summary>
    public string Version { get; }

    /// <summary>Orders placed from this instant on are judged by this version.</summary>
    public DateTimeOffset EffectiveFrom { get; }

    /// <summary>The time zone whose local days count the return window.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The currencies the version states fees in; orders in other currencies cannot be judged.</summary>
    public IReadOnlyList<Currency> Currencies { get; }

    /// <summary>The standard return window in days.</summary>
    public int WindowDays { get; }

    /// <summary>True when the EU 14-day right of withdrawal pack applies to distance sales shipped within the EEA.</summary>
    public bool AppliesEuWithdrawal { get; }
}
