namespace Returns.Sdk.Parcels;

/// <summary>A box from the retailer's packaging catalog that a customer may be asked to send a return in.</summary>
public sealed record ShippingBox
{
    /// <summary>Creates a box whose outer size equals its inner size until <see cref="Outer"/> says otherwise.</summary>
    /// <param name="id">The retailer's name for the box, e.g. <c>M</c>; not blank.</param>
    /// <param name="inner">The space inside the box, the size the contents must fit.</param>
    /// <param name="tare">What the empty box and its filling weigh.</param>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The inner size is the empty <see langword="default"/>.</exception>
    public ShippingBox(string id, Dimensions inner, Weight tare)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (inner.Shortest <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(inner), inner, $"Box '{id}': the inner size needs three sides above zero.");
        }

        Id = id.Trim();
        Inner = inner;
        Tare = tare;
        Outer = inner;
    }

    /// <summary>The retailer's name for the box.</summary>
    public string Id { get; }

    /// <summary>The space inside the box.</summary>
    public Dimensions Inner { get; }

    /// <summary>What the empty box and its filling weigh; added to the contents' weight.</summary>
    public Weight Tare { get; }

    /// <summary>The outside size carriers measure; <see cref="Inner"/> unless set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The outer size cannot hold the inner size.</exception>
    public Dimensions Outer
    {
        get;
        init => field = Inner.FitsInside(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Outer), value, $"Box '{Id}': the outer size {value} must hold the inner size {Inner}.");
    }

    /// <summary>The heaviest contents (box excluded) the box takes; <see langword="null"/> for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The load is zero.</exception>
    public Weight? MaxLoad
    {
        get;
        init => field = value is { } load && load == Weight.Zero
            ? throw new ArgumentOutOfRangeException(nameof(MaxLoad), value, $"Box '{Id}': a maximum load must be above zero; leave it unset for no limit.")
            : value;
    }
}
