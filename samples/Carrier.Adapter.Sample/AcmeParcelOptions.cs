namespace Carrier.Adapter.Sample;

/// <summary>How to reach Acme Parcel. Validated when the host starts.</summary>
public sealed class AcmeParcelOptions
{
    /// <summary>The API root; Acme's production endpoint by default.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.acme-parcel.example/");

    /// <summary>The API key sent in the <c>X-Api-Key</c> header. Required; never logged.</summary>
    public string? ApiKey { get; set; }
}
