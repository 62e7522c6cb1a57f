using System.Text.Json.Serialization;

namespace Returns.Sdk.Serialization.Internal;

// The wire shape of an order file (docs/order.md); all optional so the mapper reports missing fields by path.
internal sealed class OrderDocumentDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Number { get; set; }

    public string? Channel { get; set; }

    public string? Currency { get; set; }

    public string? PlacedAt { get; set; }

    public string? DeliveredAt { get; set; }

    public CustomerDto? Customer { get; set; }

    public AddressDto? ShippingAddress { get; set; }

    public bool? PricesIncludeTax { get; set; }

    public decimal? ShippingPaid { get; set; }

    public decimal? Discount { get; set; }

    public List<TenderDto?>? Tenders { get; set; }

    public List<OrderLineDto?>? Lines { get; set; }
}

internal sealed class CustomerDto
{
    public string? Id { get; set; }

    public string? Email { get; set; }

    public string? Tier { get; set; }
}

internal sealed class AddressDto
{
    public string? Country { get; set; }

    public string? Postcode { get; set; }

    public string? City { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

internal sealed class TenderDto
{
    public string? Kind { get; set; }

    public decimal? Amount { get; set; }

    public string? Reference { get; set; }
}

internal sealed class OrderLineDto
{
    public string? LineId { get; set; }

    public string? Sku { get; set; }

    public int? Quantity { get; set; }

    public int? ReturnedQuantity { get; set; }

    public decimal? UnitPrice { get; set; }

    public decimal? Discount { get; set; }

    public decimal? Tax { get; set; }

    public ProductDto? Product { get; set; }
}

internal sealed class ProductDto
{
    public string? Category { get; set; }

    public bool? FinalSale { get; set; }

    public bool? Hygiene { get; set; }

    public bool? Personalised { get; set; }

    public bool? Hazardous { get; set; }

    public bool? GiftCard { get; set; }

    public decimal? WeightKg { get; set; }

    public List<decimal>? DimensionsCm { get; set; }
}
