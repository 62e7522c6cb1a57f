using System.Text;
using System.Text.Json;
using Returns.Sdk.Serialization.Internal;

namespace Returns.Sdk.Serialization;

/// <summary>
/// An order read from a JSON document (see <c>docs/order.md</c>), with what has already been returned of each line.
/// Every mistake is reported at once with its JSON path, line and column.
/// </summary>
public sealed record OrderDocument
{
    /// <summary>The largest order document accepted (4 MiB).</summary>
    public const int MaxDocumentBytes = 4 << 20;

    // A trillion in any currency: far above any real order, far below decimal overflow in line arithmetic.
    private const decimal MaxAmount = 1_000_000_000_000m;


    private OrderDocument(Order order, IReadOnlyDictionary<string, int> alreadyReturned)
    {
        Order = order;
        AlreadyReturned = alreadyReturned;
    }

    /// <summary>The order.</summary>
    public Order Order { get; }

    /// <summary>Units already returned per line id (only lines with returns are listed).</summary>
    public IReadOnlyDictionary<string, int> AlreadyReturned { get; }

    /// <summary>Parses an order document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages, e.g. its file name.</param>
    /// <returns>The order and its return history.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or describes an impossible order.</exception>
    public static OrderDocument Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Parses a UTF-8 order document.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The order and its return history.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed or describes an impossible order.</exception>
    public static OrderDocument Parse(ReadOnlySpan<byte> utf8Json, string? source = null)
    {
        utf8Json = Iso8601.WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the document is {utf8Json.Length} bytes; an order may be at most {MaxDocumentBytes} bytes.") { Source = source }]);
        }

        OrderDocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, DocumentJsonContext.Default.OrderDocumentDto);
        }
        catch (JsonException exception)
        {
            throw new ReturnsValidationException([JsonDocumentErrors.FromJsonException(exception, source)]);
        }

        var errors = new List<ValidationError>();
        var document = dto is null ? null : Map(dto, errors);
        if (dto is null)
        {
            errors.Add(new ValidationError("$", "the document is null; expected an order object."));
        }

        if (errors.Count > 0 || document is null)
        {
            throw new ReturnsValidationException(JsonDocumentErrors.Locate(errors, utf8Json, source));
        }

        return document;
    }

    /// <summary>Reads an order document from a file.</summary>
    /// <param name="path">The file's path; it also names the document in error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order and its return history.</returns>
    /// <exception cref="ReturnsValidationException">The document is malformed, too large, or describes an impossible order.</exception>
    public static async Task<OrderDocument> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var length = new FileInfo(path).Length;
        if (length > MaxDocumentBytes)
        {
            throw new ReturnsValidationException([new ValidationError("$", $"the file is {length} bytes; an order may be at most {MaxDocumentBytes} bytes.") { Source = path }]);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, path);
    }

    private static OrderDocument? Map(OrderDocumentDto dto, List<ValidationError> errors)
    {
        var number = Required(dto.Number, "$.number", errors);
        var channel = SalesChannel.Web;
        if (Required(dto.Channel, "$.channel", errors) is { } channelName && !SnakeCaseNames.TryParseSalesChannel(channelName, out channel))
        {
            errors.Add(new ValidationError("$.channel", $"'{channelName}' is not a sales channel; expected one of {string.Join(", ", SnakeCaseNames.SalesChannels)}."));
        }

        var currency = default(Currency);
        if (Required(dto.Currency, "$.currency", errors) is { } code && !Currency.TryFromCode(code, out currency))
        {
            errors.Add(new ValidationError("$.currency", $"'{code}' is not an active ISO 4217 currency code."));
        }

        var placedAt = Instant(dto.PlacedAt, "$.placedAt", errors, required: true);
        var deliveredAt = Instant(dto.DeliveredAt, "$.deliveredAt", errors, required: false);

        Customer? customer = null;
        if (dto.Customer is null)
        {
            errors.Add(new ValidationError("$.customer", "is required: at least { \"id\": \"...\" }."));
        }
        else if (Required(dto.Customer.Id, "$.customer.id", errors) is { } customerId)
        {
            customer = new Customer(customerId) { Email = dto.Customer.Email, Tier = dto.Customer.Tier };
        }

        var address = MapAddress(dto.ShippingAddress, errors);
        var returned = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<OrderLine>();
        if (dto.Lines is not { Count: > 0 })
        {
            errors.Add(new ValidationError("$.lines", "is required and must hold at least one line."));
        }
        else
        {
            for (var i = 0; i < dto.Lines.Count; i++)
            {
                if (MapLine(dto.Lines[i], $"$.lines[{i}]", currency, errors) is { } line)
                {
                    if (lines.Exists(l => l.LineId == line.LineId))
                    {
                        errors.Add(new ValidationError($"$.lines[{i}].lineId", $"'{line.LineId}' is used by an earlier line; line ids must be unique."));
                        continue;
                    }

                    lines.Add(line);
                    if (dto.Lines[i]!.ReturnedQuantity is { } returnedQuantity)
                    {
                        if (returnedQuantity < 0 || returnedQuantity > line.Quantity)
                        {
                            errors.Add(new ValidationError($"$.lines[{i}].returnedQuantity", $"must be between 0 and the quantity bought ({line.Quantity}); got {returnedQuantity}."));
                        }
                        else if (returnedQuantity > 0)
                        {
                            returned[line.LineId] = returnedQuantity;
                        }
                    }
                }
            }
        }

        var tenders = new List<Tender>();
        for (var i = 0; dto.Tenders is not null && i < dto.Tenders.Count; i++)
        {
            var path = $"$.tenders[{i}]";
            if (dto.Tenders[i] is not { } tender)
            {
                errors.Add(new ValidationError(path, "must be an object, not null."));
                continue;
            }

            if (!SnakeCaseNames.TryParseTenderKind(tender.Kind, out var kind))
            {
                errors.Add(new ValidationError($"{path}.kind", $"'{tender.Kind}' is not a tender kind; expected one of {string.Join(", ", Enum.GetValues<TenderKind>().Select(k => k.ToName()))}."));
            }
            else if (Amount(tender.Amount, $"{path}.amount", currency, errors, required: true) is { } amount)
            {
                if (amount == 0m)
                {
                    errors.Add(new ValidationError($"{path}.amount", "must be above zero."));
                }
                else if (!currency.IsDefault)
                {
                    tenders.Add(new Tender(kind, new Money(amount, currency)) { Reference = tender.Reference });
                }
            }
        }

        var shipping = dto.ShippingPaid is null || currency.IsDefault ? 0m : Amount(dto.ShippingPaid, "$.shippingPaid", currency, errors, required: false) ?? 0m;
        var orderDiscount = dto.Discount is null || currency.IsDefault ? 0m : Amount(dto.Discount, "$.discount", currency, errors, required: false) ?? 0m;
        var linesNet = lines.Aggregate(0m, (sum, line) => sum + line.Net.Amount);
        if (orderDiscount > linesNet && lines.Count == (dto.Lines?.Count ?? 0))
        {
            errors.Add(new ValidationError("$.discount", $"({orderDiscount}) exceeds the lines' net total ({linesNet})."));
        }

        if (deliveredAt is { } delivered && placedAt is { } placed && delivered < placed)
        {
            errors.Add(new ValidationError("$.deliveredAt", $"({delivered:O}) is before placedAt ({placed:O})."));
        }

        if (errors.Count > 0 || number is null || customer is null || placedAt is null || currency.IsDefault)
        {
            return null;
        }

        var order = new Order(number, channel, currency, placedAt.Value, customer, lines)
        {
            DeliveredAt = deliveredAt,
            ShippingAddress = address,
            PricesIncludeTax = dto.PricesIncludeTax ?? true,
            ShippingPaid = new Money(shipping, currency),
            OrderDiscount = new Money(orderDiscount, currency),
            Tenders = tenders,
        };
        return new OrderDocument(order, returned);
    }

    private static OrderLine? MapLine(OrderLineDto? dto, string path, Currency currency, List<ValidationError> errors)
    {
        if (dto is null)
        {
            errors.Add(new ValidationError(path, "must be an object, not null."));
            return null;
        }

        var before = errors.Count;
        var lineId = Required(dto.LineId, $"{path}.lineId", errors);
        var sku = Required(dto.Sku, $"{path}.sku", errors);
        if (dto.Quantity is not { } quantity)
        {
            errors.Add(new ValidationError($"{path}.quantity", "is required: the units bought, at least 1."));
            quantity = 0;
        }
        else if (quantity < 1)
        {
            errors.Add(new ValidationError($"{path}.quantity", $"must be at least 1; got {quantity}."));
        }

        var unitPrice = Amount(dto.UnitPrice, $"{path}.unitPrice", currency, errors, required: true);
        if (unitPrice is { } total && quantity > 0 && total > MaxAmount / quantity)
        {
            errors.Add(new ValidationError($"{path}.unitPrice", $"times the quantity exceeds {MaxAmount}, which no order line can cost."));
            unitPrice = null;
        }

        var discount = Amount(dto.Discount, $"{path}.discount", currency, errors, required: false) ?? 0m;
        var tax = Amount(dto.Tax, $"{path}.tax", currency, errors, required: false) ?? 0m;
        if (unitPrice is { } price && quantity > 0 && discount > price * quantity)
        {
            errors.Add(new ValidationError($"{path}.discount", $"({discount}) exceeds the line's gross price ({price * quantity})."));
        }

        var product = MapProduct(dto.Product, $"{path}.product", errors);
        if (errors.Count > before || product is null || currency.IsDefault)
        {
            return null;
        }

        return new OrderLine(lineId!, sku!, quantity, new Money(unitPrice!.Value, currency), product)
        {
            Discount = new Money(discount, currency),
            Tax = new Money(tax, currency),
        };
    }

    private static ProductAttributes? MapProduct(ProductDto? dto, string path, List<ValidationError> errors)
    {
        if (dto is null)
        {
            errors.Add(new ValidationError(path, "is required: at least { \"category\": \"...\" }."));
            return null;
        }

        var before = errors.Count;
        var category = Required(dto.Category, $"{path}.category", errors);
        Weight? weight = null;
        if (dto.WeightKg is { } kg)
        {
            if (kg < 0m || kg > Weight.MaxKilograms)
            {
                errors.Add(new ValidationError($"{path}.weightKg", $"must be between 0 and {Weight.MaxKilograms} kg; got {kg}."));
            }
            else
            {
                weight = Weight.FromKilograms(kg);
            }
        }

        Dimensions? dimensions = null;
        if (dto.DimensionsCm is { } sides)
        {
            if (sides.Count != 3)
            {
                errors.Add(new ValidationError($"{path}.dimensionsCm", $"must hold exactly three sides [length, width, height] in cm; got {sides.Count}."));
            }
            else if (sides.FindIndex(s => s <= 0m || s > Dimensions.MaxSideCentimetres) is var bad and >= 0)
            {
                errors.Add(new ValidationError($"{path}.dimensionsCm[{bad}]", $"must be above 0 and at most {Dimensions.MaxSideCentimetres} cm; got {sides[bad]}."));
            }
            else
            {
                dimensions = new Dimensions(sides[0], sides[1], sides[2]);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new ProductAttributes(category!)
        {
            FinalSale = dto.FinalSale ?? false,
            Hygiene = dto.Hygiene ?? false,
            Personalised = dto.Personalised ?? false,
            Hazardous = dto.Hazardous ?? false,
            GiftCard = dto.GiftCard ?? false,
            Weight = weight,
            Dimensions = dimensions,
        };
    }

    private static Address? MapAddress(AddressDto? dto, List<ValidationError> errors)
    {
        if (dto is null)
        {
            return null;
        }

        if (!CountryCode.TryParse(dto.Country, out var country))
        {
            errors.Add(new ValidationError("$.shippingAddress.country", $"'{dto.Country}' is not an ISO 3166-1 alpha-2 country code."));
            return null;
        }

        if (dto.Postcode?.Trim() is { Length: > 16 })
        {
            errors.Add(new ValidationError("$.shippingAddress.postcode", "is longer than 16 characters."));
            return null;
        }

        GeoPoint? coordinates = null;
        if (dto.Latitude is { } lat && dto.Longitude is { } lon)
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                errors.Add(new ValidationError("$.shippingAddress", $"coordinates ({lat}, {lon}) are outside -90..90, -180..180."));
                return null;
            }

            coordinates = new GeoPoint(lat, lon);
        }
        else if (dto.Latitude is not null || dto.Longitude is not null)
        {
            errors.Add(new ValidationError("$.shippingAddress", "latitude and longitude must be given together."));
            return null;
        }

        return new Address(country, dto.Postcode ?? string.Empty) { City = dto.City, Coordinates = coordinates };
    }

    private static decimal? Amount(decimal? value, string path, Currency currency, List<ValidationError> errors, bool required)
    {
        if (value is not { } amount)
        {
            if (required)
            {
                errors.Add(new ValidationError(path, $"is required: an amount in {currency}."));
            }

            return null;
        }

        if (amount < 0m)
        {
            errors.Add(new ValidationError(path, $"must not be negative; got {amount}."));
            return null;
        }

        if (amount > MaxAmount)
        {
            errors.Add(new ValidationError(path, $"{amount} exceeds {MaxAmount}, more than any order line can cost."));
            return null;
        }

        // With an unknown currency the decimals cannot be checked; the currency error is reported already.
        if (!currency.IsDefault && !currency.IsWhole(amount))
        {
            errors.Add(new ValidationError(path, $"{amount} has more decimals than {currency} allows ({currency.MinorUnits})."));
            return null;
        }

        return amount;
    }

    private static DateTimeOffset? Instant(string? text, string path, List<ValidationError> errors, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                errors.Add(new ValidationError(path, $"is required: {Iso8601.InstantHint}."));
            }

            return null;
        }

        if (!Iso8601.TryParseInstant(text, out var instant))
        {
            errors.Add(new ValidationError(path, $"'{text}' is not {Iso8601.InstantHint}."));
            return null;
        }

        return instant;
    }

    private static string? Required(string? value, string path, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(path, "is required and must not be blank."));
            return null;
        }

        return value;
    }
}
