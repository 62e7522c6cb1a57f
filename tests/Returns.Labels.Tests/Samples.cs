using Returns.Sdk;

namespace Returns.Labels.Tests;

internal static class Samples
{
    public const string Instructions = "Pack the items in the original box. Stick this label flat on the largest side. Take the parcel to any PostNL parcel locker and scan the QR code on the locker screen.";

    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));

    public static Address Customer(string name = "Jürgen Müller <&> Söhne") =>
        new(CountryCode.Parse("DE"), "10115") { Name = name, Line1 = "Invalidenstraße 117", Line2 = "3. OG links", City = "Berlin" };

    public static Address Warehouse() =>
        new(CountryCode.Parse("NL"), "5928 PV") { Name = "Example Shop Returns", Line1 = "Hagelkruisweg 1", City = "Venlo" };

    public static ReturnLabelContent Content(
        string trackingNumber = "1Z999AA10123456784",
        string? qrPayload = "https://returns.example.com/dropoff/3SABCD1234567",
        Address? sender = null,
        string instructions = Instructions) =>
        new(trackingNumber, "RMA-2026-000123", "PostNL", "Retour Pakket", sender ?? Customer(), Warehouse(), ReturnMethod.ParcelLocker, instructions, CreatedAt)
        {
            QrPayload = qrPayload,
            Weight = Weight.FromKilograms(1.25m),
        };

    /// <summary>The text without any white space, so wrapped lines compare with the original.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
