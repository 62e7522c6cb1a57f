using System.Collections.Frozen;
using Returns.Sdk.Lifecycle.Internal;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.Lifecycle;

// The refund, exchange and store parts of the document. Amounts are numbers in the record's one currency.
public static partial class ReturnDocument
{
    private static readonly FrozenDictionary<string, RefundTypes> Resolutions = new[] { RefundTypes.OriginalPayment, RefundTypes.StoreCredit, RefundTypes.Exchange }
        .ToFrozenDictionary(NameOf, v => v, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RefundStatus> RefundStatuses = Names<RefundStatus>();
    private static readonly FrozenDictionary<string, RefundTrigger> RefundTriggers = Names<RefundTrigger>();
    private static readonly FrozenDictionary<string, SalesChannel> Channels = Names<SalesChannel>();
    private static readonly FrozenDictionary<string, TenderKind> TenderKinds = Names<TenderKind>();

    private static ExchangeItemDto ToDto(ExchangeItem item) => new()
    {
        Sku = item.Sku,
        Quantity = item.Quantity,
        UnitPrice = item.UnitPrice?.Amount,
        Currency = item.UnitPrice?.Currency.Code,
        ReplacesLineId = item.ReplacesLineId,
    };

    private static RefundRecordDto ToDto(RefundRecord record)
    {
        var c = record.Calculation;
        return new RefundRecordDto
        {
            RefundId = record.RefundId,
            OrderNumber = record.OrderNumber,
            Trigger = NameOf(record.Trigger),
            RequestedAt = record.RequestedAt,
            Status = NameOf(record.Status),
            Attempt = record.Attempt,
            Calls = record.Calls,
            BookedTo = NameOf(record.BookedTo),
            HandledAtStoreId = record.HandledAtStoreId,
            GatewayReference = record.GatewayReference,
            CompletedAt = record.CompletedAt,
            LastError = record.LastError,
            Currency = c.Currency.Code,
            Resolution = NameOf(c.Resolution),
            Shipping = c.Shipping.Amount,
            ReturnFee = c.ReturnFee.Amount,
            StoreCreditBonus = c.StoreCreditBonus.Amount,
            ExchangeValue = c.ExchangeValue.Amount,
            AmountDue = c.AmountDue.Amount,
            Lines = [.. c.Lines.Select(l => new RefundLineDto
            {
                LineId = l.LineId,
                Sku = l.Sku,
                Quantity = l.Quantity,
                Paid = l.Paid.Amount,
                Discount = l.Discount.Amount,
                Tax = l.Tax.Amount,
                RestockingFee = l.RestockingFee.Amount,
                Deduction = l.Deduction.Amount,
                Amount = l.Amount.Amount,
            })],
            Tenders = [.. c.Tenders.Select(t => new TenderRefundDto { Kind = NameOf(t.Kind), Reference = t.Reference, Amount = t.Amount.Amount })],
        };
    }

    private static StoreHandlingDto ToDto(StoreHandling handling) => new()
    {
        StoreId = handling.StoreId,
        AssociateId = handling.AssociateId,
        HandledAt = handling.HandledAt,
        VisitId = handling.VisitId,
        Sales = [.. handling.Sales.Select(s => new StoreSaleDto { Sku = s.Sku, Quantity = s.Quantity, Amount = s.Amount.Amount, Currency = s.Amount.Currency.Code, IsExchange = s.IsExchange })],
    };

    private static ExchangeItem ReadExchangeItem(ExchangeItemDto? dto, string path, string? source)
    {
        if (dto is null)
        {
            throw Invalid(source, path, "An exchange item is null.");
        }

        try
        {
            return dto.UnitPrice is { } price
                ? ExchangeItem.OtherProduct(dto.Sku!, dto.Quantity, new Money(price, ReadCurrency(dto.Currency, source, path + ".currency")))
                : ExchangeItem.SameProduct(dto.ReplacesLineId!, dto.Sku!, dto.Quantity);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, path, ex.Message);
        }
    }

    private static RefundRecord ReadRefund(RefundRecordDto? dto, string path, string? source)
    {
        if (dto is null)
        {
            throw Invalid(source, path, "A refund is null.");
        }

        var currency = ReadCurrency(dto.Currency, source, path + ".currency");
        Money M(decimal amount) => new(amount, currency);
        try
        {
            var lines = (dto.Lines ?? []).Select(l => new RefundLine(l.LineId!, l.Sku!, l.Quantity, M(l.Paid), M(l.Discount), M(l.Tax), M(l.RestockingFee), M(l.Deduction), M(l.Amount))).ToList();
            var tenders = (dto.Tenders ?? []).Select((t, i) => new TenderRefund(Parse(TenderKinds, t.Kind, source, $"{path}.tenders[{i}].kind"), t.Reference, M(t.Amount))).ToList();
            var resolution = Parse(Resolutions, dto.Resolution, source, path + ".resolution");
            var calculation = new RefundCalculation(currency, resolution, lines, M(dto.Shipping), M(dto.ReturnFee), tenders)
            {
                StoreCreditBonus = M(dto.StoreCreditBonus),
                ExchangeValue = M(dto.ExchangeValue),
                AmountDue = M(dto.AmountDue),
            };
            return new RefundRecord(dto.RefundId!, dto.OrderNumber!, calculation, Parse(RefundTriggers, dto.Trigger, source, path + ".trigger"), dto.RequestedAt)
            {
                Status = Parse(RefundStatuses, dto.Status, source, path + ".status"),
                Attempt = dto.Attempt >= 1 ? dto.Attempt : throw Invalid(source, path + ".attempt", "An attempt starts at 1."),
                Calls = dto.Calls >= 0 ? dto.Calls : throw Invalid(source, path + ".calls", "Calls cannot be negative."),
                BookedTo = Parse(Channels, dto.BookedTo, source, path + ".bookedTo"),
                HandledAtStoreId = dto.HandledAtStoreId,
                GatewayReference = dto.GatewayReference,
                CompletedAt = dto.CompletedAt,
                LastError = dto.LastError,
            };
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, path, ex.Message);
        }
    }

    private static StoreHandling ReadStoreHandling(StoreHandlingDto dto, string path, string? source)
    {
        try
        {
            return new StoreHandling(dto.StoreId!, dto.AssociateId!, dto.HandledAt)
            {
                VisitId = dto.VisitId,
                Sales = [.. (dto.Sales ?? []).Select((s, i) => new StoreSale(s.Sku!, s.Quantity, new Money(s.Amount, ReadCurrency(s.Currency, source, $"{path}.sales[{i}].currency")), s.IsExchange))],
            };
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, path, ex.Message);
        }
    }

    private static Currency ReadCurrency(string? code, string? source, string path) =>
        Currency.TryFromCode(code, out var currency) ? currency : throw Invalid(source, path, $"'{code}' is not an ISO 4217 currency code.");
}
