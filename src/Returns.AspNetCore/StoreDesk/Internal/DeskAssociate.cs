using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Returns.AspNetCore.StoreDesk.Internal;

/// <summary>The signed-in associate: the store they work at and their id, both read from their claims only.</summary>
/// <param name="StoreId">The store, from the store claim.</param>
/// <param name="AssociateId">The associate, from the name-identifier claim, else the name claim.</param>
internal sealed record DeskAssociate(string StoreId, string AssociateId)
{
    /// <summary>The longest store or associate id accepted from a claim.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Reads the associate from a user; false when a claim is missing, blank, too long or the store is ambiguous.</summary>
    public static bool TryRead(ClaimsPrincipal user, string storeIdClaimType, [NotNullWhen(true)] out DeskAssociate? associate)
    {
        associate = null;
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        // Several stores would leave the desk guessing which counter the associate stands at; it refuses instead.
        var stores = user.FindAll(storeIdClaimType).Select(c => c.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst(ClaimTypes.Name)?.Value;
        if (stores is not [var store] || !Usable(store) || id is null || !Usable(id.Trim()))
        {
            return false;
        }

        associate = new DeskAssociate(store, id.Trim());
        return true;
    }

    private static bool Usable(string value) =>
        value.Length is > 0 and <= MaxIdLength && !value.AsSpan().ContainsAnyInRange('\0', '\u001f');
}
