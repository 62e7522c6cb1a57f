using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk;

namespace Returns.AspNetCore.Tests;

internal static class PortalSecurityFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static string Key(byte fill, int length = 32) => Convert.ToBase64String(Enumerable.Repeat(fill, length).ToArray());

    // Distinct ids give distinct keys, and none of them equals a Key(fill) key.
    public static string KeyFor(string id) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    public static IOptions<ReturnsPortalOptions> Options(string currentKeyId = "k1", params string[] keyIds)
    {
        var options = new ReturnsPortalOptions { CurrentSigningKeyId = currentKeyId };
        foreach (var id in keyIds.Length == 0 ? [currentKeyId] : keyIds)
        {
            options.SigningKeys[id] = KeyFor(id);
        }

        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static FakeTimeProvider Clock() => new(Start);

    public static Order Order(string number, string customerId, string? email, string postcode) =>
        new(number, SalesChannel.Web, Currency.EUR, Start.AddDays(-5), new Customer(customerId) { Email = email },
            [new OrderLine("1", "TEE", 1, new Money(20m, Currency.EUR), new ProductAttributes("apparel"))])
        {
            ShippingAddress = new Address(CountryCode.Parse("NL"), postcode),
        };

    // Replaces one character with another of the base64url alphabet, so the shape stays plausible.
    public static string ChangeAt(string text, int index)
    {
        var replacement = text[index] == 'A' ? 'B' : 'A';
        return string.Concat(text.AsSpan(0, index), replacement.ToString(), text.AsSpan(index + 1));
    }
}
