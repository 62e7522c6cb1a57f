using System.Security.Cryptography;
using System.Text;
using Returns.Sdk.Orders;

namespace Returns.AspNetCore;

/// <summary>
/// Finds a customer's order from an order number and a proof (the order's e-mail address or delivery postcode) and
/// opens a session for it. Answers <see cref="OrderLookupResult.NotFound"/> alike for an unknown order and a wrong
/// proof, and compares the proof in constant time, so the lookup cannot be used to learn which order numbers exist.
/// </summary>
public sealed class OrderLookupGuard
{
    // Longer input is no order number, e-mail or postcode; refusing it spares the order source.
    private const int MaximumInputLength = 320;

    private readonly IOrderSource _orders;
    private readonly PortalSessionTokens _sessions;

    /// <summary>Creates the guard.</summary>
    /// <param name="orders">Where orders are read.</param>
    /// <param name="sessions">Issues the session token for a found order.</param>
    public OrderLookupGuard(IOrderSource orders, PortalSessionTokens sessions)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(sessions);
        _orders = orders;
        _sessions = sessions;
    }

    /// <summary>Looks an order up.</summary>
    /// <param name="orderNumber">The order number as typed.</param>
    /// <param name="emailOrPostcode">
    /// The proof: with an <c>@</c> it is compared to the customer's e-mail (trimmed, case-insensitive); otherwise to the
    /// delivery postcode (case-insensitive, spaces ignored).
    /// </param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>A session for the order, or <see cref="OrderLookupResult.NotFound"/>; never throws for bad input.</returns>
    public async Task<OrderLookupResult> LookupAsync(string? orderNumber, string? emailOrPostcode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Length > MaximumInputLength
            || string.IsNullOrWhiteSpace(emailOrPostcode) || emailOrPostcode.Length > MaximumInputLength)
        {
            return OrderLookupResult.NotFound;
        }

        var order = await _orders.FindAsync(orderNumber.Trim(), cancellationToken).ConfigureAwait(false);
        var isEmail = emailOrPostcode.Contains('@', StringComparison.Ordinal);
        var given = isEmail ? NormaliseEmail(emailOrPostcode) : NormalisePostcode(emailOrPostcode);
        var onFile = isEmail ? order?.Customer.Email : order?.ShippingAddress?.Postcode;

        // Compare even when there is no order, so a missing order costs the same work as a wrong proof.
        var matches = FixedTimeEquals(given, onFile is null ? string.Empty : isEmail ? NormaliseEmail(onFile) : NormalisePostcode(onFile));
        if (order is null || string.IsNullOrEmpty(onFile) || given.Length == 0 || !matches)
        {
            return OrderLookupResult.NotFound;
        }

        return OrderLookupResult.Success(order.Number, _sessions.Issue(order.Number, order.Customer.Id));
    }

    private static string NormaliseEmail(string email) => email.Trim().ToUpperInvariant();

    private static string NormalisePostcode(string postcode)
    {
        var builder = new StringBuilder(postcode.Length);
        foreach (var c in postcode)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Hashing first gives both sides the same length, so the comparison's time does not reveal the length on file.
    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(left)),
            SHA256.HashData(Encoding.UTF8.GetBytes(right)));
}
