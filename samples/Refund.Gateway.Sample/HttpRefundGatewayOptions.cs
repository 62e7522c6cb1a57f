using System.Globalization;

namespace Refund.Gateway.Sample;

/// <summary>
/// Where the retailer's refund endpoint lives and how to authenticate to it. Validated when the host starts; bindable
/// from configuration (e.g. <c>Returns:Refunds:Http</c>), with the key from a secret store rather than a file.
/// </summary>
public sealed class HttpRefundGatewayOptions
{
    /// <summary>The default <see cref="RefundsPath"/>.</summary>
    public const string DefaultRefundsPath = "v1/refunds";

    /// <summary>
    /// The platform's API root, e.g. <c>https://payments.shop.example/api/</c>. Required; https, or http for a loopback
    /// host only (a fake platform in tests); no user name or password in it (the key goes in <see cref="ApiKey"/>).
    /// A path without a trailing slash is treated as a folder, so <see cref="RefundsPath"/> is appended to it.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The key sent as <c>Authorization: Bearer &lt;key&gt;</c>. Required; visible ASCII without spaces. A secret: never logged, masked by <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The refunds resource, relative to <see cref="BaseAddress"/>; <c>v1/refunds</c> by default. No leading slash, no query.</summary>
    public string RefundsPath { get; set; } = DefaultRefundsPath;

    /// <summary>
    /// How long one refund call may take over all its attempts and the waits between them; 100 ms to 10 minutes,
    /// 30 seconds by default. A single attempt gets at most this, and at most 10 seconds unless the resilience options
    /// say otherwise. A call that runs out of time is reported as transient: the refund stays pending and is resumed
    /// later with the same idempotency key.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings with the key masked, safe for logs and diagnostics.</summary>
    /// <returns>For example <c>BaseAddress = https://payments.shop.example/api/, ApiKey = ***, RefundsPath = v1/refunds, Timeout = 00:00:30</c>.</returns>
    public override string ToString()
    {
        // The base address is shown without any user info: a misconfigured one may carry a password.
        var address = BaseAddress is { IsAbsoluteUri: true } absolute && absolute.UserInfo.Length > 0
            ? new UriBuilder(absolute) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : BaseAddress?.ToString() ?? "(not set)";
        var key = string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***";
        return string.Create(CultureInfo.InvariantCulture, $"BaseAddress = {address}, ApiKey = {key}, RefundsPath = {RefundsPath}, Timeout = {Timeout}");
    }

    // The absolute refunds URI. The base is treated as a folder so that "https://x/api" + "v1/refunds" keeps "api".
    internal Uri RefundsUri()
    {
        var baseAddress = BaseAddress ?? throw new InvalidOperationException("HttpRefundGatewayOptions.BaseAddress is not set.");
        var folder = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new Uri(folder, RefundsPath);
    }
}
