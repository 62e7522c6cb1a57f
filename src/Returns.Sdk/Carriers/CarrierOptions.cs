namespace Returns.Sdk.Carriers;

/// <summary>How the SDK calls carriers together.</summary>
public sealed class CarrierOptions
{
    /// <summary>How long rate shopping waits for all carriers before answering with those that replied; 1 ms to 1 minute.</summary>
    public TimeSpan QuoteDeadline { get; set; } = TimeSpan.FromSeconds(3);
}
