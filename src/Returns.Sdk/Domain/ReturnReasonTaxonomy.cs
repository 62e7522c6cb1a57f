using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Returns.Sdk;

/// <summary>
/// The set of reasons a retailer accepts: the standard ones plus its own. Immutable; <see cref="With"/> returns a new taxonomy.
/// </summary>
public sealed class ReturnReasonTaxonomy
{
    private readonly FrozenDictionary<string, ReturnReason> _byCode;

    private ReturnReasonTaxonomy(IReadOnlyList<ReturnReason> reasons)
    {
        Reasons = reasons;
        _byCode = reasons.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The standard taxonomy.</summary>
    public static ReturnReasonTaxonomy Standard { get; } = new(ReturnReason.Standard);

    /// <summary>Every reason, standard ones first, in the order a portal lists them.</summary>
    public IReadOnlyList<ReturnReason> Reasons { get; }

    /// <summary>Returns a taxonomy that also holds the retailer's own reasons.</summary>
    /// <param name="additional">Reasons whose codes are not yet in this taxonomy.</param>
    /// <returns>The extended taxonomy.</returns>
    /// <exception cref="ArgumentException">A code is already defined.</exception>
    public ReturnReasonTaxonomy With(params IEnumerable<ReturnReason> additional)
    {
        ArgumentNullException.ThrowIfNull(additional);
        var all = new List<ReturnReason>(Reasons);
        var codes = new HashSet<string>(_byCode.Keys, StringComparer.Ordinal);
        foreach (var reason in additional)
        {
            ArgumentNullException.ThrowIfNull(reason, nameof(additional));
            if (!codes.Add(reason.Code))
            {
                throw new ArgumentException($"Reason code '{reason.Code}' is already defined.", nameof(additional));
            }

            all.Add(reason);
        }

        return new ReturnReasonTaxonomy(all);
    }

    /// <summary>Finds a reason by code.</summary>
    /// <param name="code">The snake_case code.</param>
    /// <param name="reason">The reason, when defined.</param>
    /// <returns>True when the code is defined.</returns>
    public bool TryGet(string code, [NotNullWhen(true)] out ReturnReason? reason) => _byCode.TryGetValue(code, out reason);
}
