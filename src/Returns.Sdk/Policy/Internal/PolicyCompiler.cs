using System.Collections.Frozen;
using System.Globalization;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;
using Returns.Sdk.Serialization.Internal;

namespace Returns.Sdk.Policy.Internal;

// Checks a deserialized policy document and compiles it. Every mistake is collected with its JSON path, so that a
// retailer fixes a policy in one pass instead of one error per run.
internal sealed class PolicyCompiler(ReturnReasonTaxonomy reasons)
{
    private const int MaxWindowDays = 3650;
    private const string EuWithdrawalPack = "eu_withdrawal";
    private static readonly string[] FaultNames = ["customer", "retailer", "carrier"];
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public CompiledPolicyVersion[] Compile(PolicyDocumentDto document)
    {
        if (string.IsNullOrWhiteSpace(document.PolicyId))
        {
            Error("$.policyId", "is required: a name for the policy, e.g. \"acme-returns\".");
        }

        if (document.Versions is not { Count: > 0 } versions)
        {
            Error("$.versions", "is required and must hold at least one version.");
            return [];
        }

        var compiled = new List<CompiledPolicyVersion>(versions.Count);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new Dictionary<DateTimeOffset, int>();
        for (var i = 0; i < versions.Count; i++)
        {
            var path = $"$.versions[{i}]";
            if (versions[i] is not { } dto)
            {
                Error(path, "must be an object, not null.");
                continue;
            }

            var version = CompileVersion(dto, path);
            if (version is null)
            {
                continue;
            }

            if (!names.TryAdd(version.Info.Version, i))
            {
                Error($"{path}.version", $"'{version.Info.Version}' is already used by $.versions[{names[version.Info.Version]}].");
            }

            if (!starts.TryAdd(version.Info.EffectiveFrom, i))
            {
                Error($"{path}.effectiveFrom", $"contradicts $.versions[{starts[version.Info.EffectiveFrom]}], which takes effect at the same instant; which one applies would be undecidable.");
            }

            compiled.Add(version);
        }

        return [.. compiled.OrderBy(v => v.Info.EffectiveFrom)];
    }

    private CompiledPolicyVersion? CompileVersion(PolicyVersionDto dto, string path)
    {
        var errorsBefore = _errors.Count;
        var name = dto.Version;
        if (string.IsNullOrWhiteSpace(name))
        {
            Error($"{path}.version", "is required: a name for this version, e.g. \"2026.1\".");
        }

        var zone = TimeZoneInfo.Utc;
        if (dto.TimeZone is { } zoneId && !TryFindZone(zoneId, out zone))
        {
            Error($"{path}.timeZone", $"'{zoneId}' is not a known IANA time zone (e.g. \"Europe/Amsterdam\").");
            zone = TimeZoneInfo.Utc;
        }

        var calendar = new LocalCalendar(zone);
        var effectiveFrom = ParseEffectiveFrom(dto.EffectiveFrom, calendar, $"{path}.effectiveFrom");
        var currencies = CompileCurrencies(dto.Currencies, $"{path}.currencies");
        var euWithdrawal = CompileJurisdictions(dto.Jurisdictions, $"{path}.jurisdictions");

        var windowDays = 0;
        if (dto.Window?.Days is not { } days)
        {
            Error($"{path}.window.days", "is required: the standard return window in days.");
        }
        else
        {
            windowDays = Days(days, $"{path}.window.days");
        }

        var exclusions = dto.Exclusions ?? new ExclusionsDto();
        var excludedCategories = Values(exclusions.Categories, $"{path}.exclusions.categories", StringComparer.OrdinalIgnoreCase);
        var excludedSkus = Values(exclusions.Skus, $"{path}.exclusions.skus", StringComparer.Ordinal);

        var windowRules = CompileList(dto.WindowRules, $"{path}.windowRules", (rule, rulePath) =>
        {
            var when = Matcher(rule.When, $"{rulePath}.when", requireCondition: true);
            var ruleDays = rule.Days is { } d ? Days(d, $"{rulePath}.days") : Missing($"{rulePath}.days", "is required: the window in days for lines this rule matches.");
            return new WindowRule(rule.Name ?? rulePath[2..], when, ruleDays);
        }, r => r.When, r => r.Name);
        CheckNotOnlyExcluded(windowRules, $"{path}.windowRules", excludedCategories, excludedSkus);

        var seasonal = CompileList(dto.SeasonalExtensions, $"{path}.seasonalExtensions", (ext, extPath) => CompileSeasonal(ext, extPath, calendar), _ => null, e => e.Name);

        var fees = dto.Fees;
        if (fees is null)
        {
            Error($"{path}.fees", "is required: at least the fee of each return method the policy offers (0 for free).");
        }

        var methodFees = CompileMethodFees(fees?.Methods, currencies, $"{path}.fees.methods");
        var cap = fees?.Cap is { } capDto ? MoneyMap(capDto, currencies, $"{path}.fees.cap") : null;
        var waivingReasons = CompileWaivingReasons(fees?.WaivedForReasons, $"{path}.fees.waivedForReasons");
        var waivingFaults = CompileWaivingFaults(fees?.WaivedForFaults, $"{path}.fees.waivedForFaults");
        var restocking = CompileList(fees?.Restocking, $"{path}.fees.restocking", (rule, rulePath) =>
        {
            var when = Matcher(rule.When, $"{rulePath}.when", requireCondition: false);
            var percent = rule.Percent is { } p ? Percent(p, $"{rulePath}.percent", allowZero: false) : MissingDecimal($"{rulePath}.percent", "is required: the restocking fee in percent of the returned value.");
            return new RestockingRule(rule.Name ?? rulePath[2..], when, percent);
        }, r => r.When, r => r.Name);
        CheckNotOnlyExcluded(restocking, $"{path}.fees.restocking", excludedCategories, excludedSkus);

        var refunds = dto.Refunds;
        var allowedRefunds = refunds?.Allowed is null ? RefundTypes.OriginalPayment : RefundTypeSet(refunds.Allowed, $"{path}.refunds.allowed");
        var refundRules = CompileList(refunds?.Rules, $"{path}.refunds.rules", (rule, rulePath) =>
        {
            var when = Matcher(rule.When, $"{rulePath}.when", requireCondition: true);
            var allowed = rule.Allowed is null ? (RefundTypes)Missing($"{rulePath}.allowed", "is required: the refund types for lines this rule matches.") : RefundTypeSet(rule.Allowed, $"{rulePath}.allowed");
            return new RefundRule(rule.Name ?? rulePath[2..], when, allowed);
        }, r => r.When, r => r.Name);
        CheckNotOnlyExcluded(refundRules, $"{path}.refunds.rules", excludedCategories, excludedSkus);

        var bonus = refunds?.StoreCreditBonusPercent is { } b ? Percent(b, $"{path}.refunds.storeCreditBonusPercent", allowZero: true) : 0m;
        if (bonus > 0m && !allowedRefunds.HasFlag(RefundTypes.StoreCredit) && !refundRules.Any(r => r.Allowed.HasFlag(RefundTypes.StoreCredit)))
        {
            Error($"{path}.refunds.storeCreditBonusPercent", "contradicts $.refunds: a store-credit bonus is set but no rule allows store_credit.");
        }

        var timing = CompileTiming(refunds?.Timing, $"{path}.refunds.timing");
        var instantTiers = refunds?.InstantForCustomerTiers is null ? [] : Values(refunds.InstantForCustomerTiers, $"{path}.refunds.instantForCustomerTiers", StringComparer.OrdinalIgnoreCase) ?? [];
        var originalShipping = CompileOriginalShipping(refunds?.OriginalShipping, $"{path}.refunds.originalShipping");
        var tenderOrder = CompileTenderOrder(refunds?.TenderOrder, $"{path}.refunds.tenderOrder");
        var preferred = RefundTypes.None;
        if (refunds?.Preferred is { } preferredName)
        {
            if (!SnakeCaseNames.TryParseRefundType(preferredName, out preferred))
            {
                Error($"{path}.refunds.preferred", $"'{preferredName}' is not a refund type; expected original_payment, store_credit or exchange.");
            }
            else if (!allowedRefunds.HasFlag(preferred) && !refundRules.Any(r => r.Allowed.HasFlag(preferred)))
            {
                Error($"{path}.refunds.preferred", $"contradicts $.refunds: '{preferredName}' is preferred but neither refunds.allowed nor any rule allows it.");
            }
        }

        decimal? recoveryRate = null;
        Dictionary<Currency, decimal>? keepItMax = null, keepItCost = null;
        if (dto.KeepIt is { } keepIt)
        {
            recoveryRate = keepIt.RecoveryRatePercent is { } rate
                ? Percent(rate, $"{path}.keepIt.recoveryRatePercent", allowZero: true) / 100m
                : MissingDecimal($"{path}.keepIt.recoveryRatePercent", "is required: the share of an item's price the retailer recovers by reselling it.");
            keepItMax = keepIt.MaxItemValue is { } max ? MoneyMap(max, currencies, $"{path}.keepIt.maxItemValue") : MissingMap($"{path}.keepIt.maxItemValue");
            keepItCost = keepIt.AssumedReturnCost is { } cost ? MoneyMap(cost, currencies, $"{path}.keepIt.assumedReturnCost") : MissingMap($"{path}.keepIt.assumedReturnCost");
        }

        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        var terms = currencies.Select(c => new CurrencyTerms(
            c,
            [.. Enum.GetValues<ReturnMethod>().Select(m => methodFees.TryGetValue(m, out var byCurrency) ? byCurrency[c] : (decimal?)null)],
            cap?[c],
            keepItMax?[c],
            keepItCost?[c])).ToArray();

        return new CompiledPolicyVersion
        {
            Info = new ReturnPolicyVersion(name!, effectiveFrom, zone, currencies, windowDays, euWithdrawal),
            Calendar = calendar,
            WindowDays = windowDays,
            WindowRules = windowRules,
            SeasonalExtensions = seasonal,
            ExcludeFinalSale = exclusions.FinalSale ?? false,
            ExcludeHygiene = exclusions.Hygiene ?? false,
            ExcludePersonalised = exclusions.Personalised ?? false,
            ExcludeHazardous = exclusions.Hazardous ?? false,
            ExcludeGiftCards = exclusions.GiftCards ?? false,
            ExcludedSkus = (excludedSkus ?? []).ToFrozenSet(StringComparer.Ordinal),
            Categories = BuildProfiles(excludedCategories, windowRules, restocking, refundRules),
            OtherCategories = new CategoryProfile(false, IndicesWithoutCategory(windowRules, r => r.When), IndicesWithoutCategory(restocking, r => r.When), IndicesWithoutCategory(refundRules, r => r.When)),
            RestockingRules = restocking,
            RefundRules = refundRules,
            AllowedRefunds = allowedRefunds,
            StoreCreditBonusPercent = bonus,
            RefundTiming = timing,
            InstantRefundTiers = instantTiers,
            OriginalShipping = originalShipping,
            TenderOrder = tenderOrder,
            PreferredRefund = preferred,
            FeeWaivingReasons = waivingReasons,
            FeeWaivingFaultMask = waivingFaults,
            EuWithdrawal = euWithdrawal,
            Terms = terms,
            MethodFees = [.. methodFees.Keys.Order()],
            KeepItRecoveryRate = recoveryRate,
        };
    }

    private static FrozenDictionary<string, CategoryProfile> BuildProfiles(string[]? excluded, WindowRule[] windows, RestockingRule[] restocking, RefundRule[] refunds)
    {
        var categories = new HashSet<string>(excluded ?? [], StringComparer.OrdinalIgnoreCase);
        categories.UnionWith(windows.SelectMany(r => r.When.Categories ?? []));
        categories.UnionWith(restocking.SelectMany(r => r.When.Categories ?? []));
        categories.UnionWith(refunds.SelectMany(r => r.When.Categories ?? []));
        return categories.ToFrozenDictionary(
            category => category,
            category => new CategoryProfile(
                excluded?.Contains(category, StringComparer.OrdinalIgnoreCase) ?? false,
                IndicesFor(windows, r => r.When, category),
                IndicesFor(restocking, r => r.When, category),
                IndicesFor(refunds, r => r.When, category)),
            StringComparer.OrdinalIgnoreCase);
    }

    private static int[] IndicesFor<T>(T[] rules, Func<T, RuleMatcher> when, string category) =>
        [.. rules.Select((rule, i) => (when(rule).Categories, i))
            .Where(p => p.Categories is null || p.Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.i)];

    private static int[] IndicesWithoutCategory<T>(T[] rules, Func<T, RuleMatcher> when) =>
        [.. rules.Select((rule, i) => (when(rule).Categories, i)).Where(p => p.Categories is null).Select(p => p.i)];

    private T[] CompileList<TDto, T>(List<TDto?>? items, string path, Func<TDto, string, T> compile, Func<T, RuleMatcher?> when, Func<TDto, string?> name)
        where TDto : class
    {
        if (items is null)
        {
            return [];
        }

        var result = new List<T>(items.Count);
        var compiledPaths = new List<string>(items.Count);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not { } item)
            {
                Error(itemPath, "must be an object, not null.");
                continue;
            }

            if (name(item) is { } itemName)
            {
                if (string.IsNullOrWhiteSpace(itemName))
                {
                    Error($"{itemPath}.name", "must not be blank.");
                }
                else if (!names.TryAdd(itemName, itemPath))
                {
                    Error($"{itemPath}.name", $"'{itemName}' is already used by {names[itemName]}.");
                }
            }

            var compiled = compile(item, itemPath);
            if (when(compiled) is { } matcher)
            {
                for (var j = 0; j < result.Count; j++)
                {
                    if (when(result[j]) is { } earlier && matcher.IsShadowedBy(earlier))
                    {
                        Error($"{itemPath}.when", $"can never apply: every line it matches is already matched by the earlier rule {compiledPaths[j]} (the first matching rule wins).");
                        break;
                    }
                }
            }

            result.Add(compiled);
            compiledPaths.Add(itemPath);
        }

        return [.. result];
    }

    private void CheckNotOnlyExcluded<T>(T[] rules, string path, string[]? excludedCategories, string[]? excludedSkus)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var when = rules[i] switch
            {
                WindowRule w => w.When,
                RestockingRule r => r.When,
                RefundRule r => r.When,
                _ => RuleMatcher.Any,
            };
            if (when.Skus is { } skus && excludedSkus is not null && skus.All(s => excludedSkus.Contains(s, StringComparer.Ordinal)))
            {
                Error($"{path}[{i}].when.skus", "contradicts exclusions.skus: every SKU this rule names is excluded from returns, so the rule can never apply.");
            }
            else if (when.Skus is null && when.Categories is { } categories && excludedCategories is not null
                && categories.All(c => excludedCategories.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                Error($"{path}[{i}].when.categories", "contradicts exclusions.categories: every category this rule names is excluded from returns, so the rule can never apply.");
            }
        }
    }

    private SeasonalExtension CompileSeasonal(SeasonalExtensionDto dto, string path, LocalCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(dto.Name))
        {
            Error($"{path}.name", "is required: customers see it in the explanation, e.g. \"Holiday returns 2026\".");
        }

        var from = dto.PurchasedFrom ?? MissingDate($"{path}.purchasedFrom");
        var to = dto.PurchasedTo ?? MissingDate($"{path}.purchasedTo");
        var until = dto.ReturnUntil ?? MissingDate($"{path}.returnUntil");
        if (dto.PurchasedFrom.HasValue && dto.PurchasedTo.HasValue && from > to)
        {
            Error($"{path}.purchasedTo", $"({to:yyyy-MM-dd}) is before purchasedFrom ({from:yyyy-MM-dd}).");
        }

        if (dto.PurchasedTo.HasValue && dto.ReturnUntil.HasValue && until < to)
        {
            Error($"{path}.returnUntil", $"({until:yyyy-MM-dd}) is before purchasedTo ({to:yyyy-MM-dd}): the extension would end before the purchases it covers.");
        }

        return new SeasonalExtension(dto.Name ?? path[2..], from, to, until, calendar.StartOfDay(until.AddDays(1)));
    }

    private Dictionary<ReturnMethod, Dictionary<Currency, decimal>> CompileMethodFees(Dictionary<string, Dictionary<string, decimal>?>? methods, Currency[] currencies, string path)
    {
        var result = new Dictionary<ReturnMethod, Dictionary<Currency, decimal>>();
        if (methods is null)
        {
            Error(path, "is required: the fee of each return method the policy offers, e.g. { \"in_store\": { \"EUR\": 0 } }.");
            return result;
        }

        if (methods.Count == 0)
        {
            Error(path, "offers no return method, so nothing could ever be returned.");
        }

        foreach (var (name, amounts) in methods)
        {
            var methodPath = $"{path}.{name}";
            if (!SnakeCaseNames.TryParseReturnMethod(name, out var method))
            {
                Error(methodPath, $"'{name}' is not a return method; expected one of {string.Join(", ", SnakeCaseNames.ReturnMethods)}.");
                continue;
            }

            if (amounts is null)
            {
                Error(methodPath, "must be an object of amounts per currency, not null.");
                continue;
            }

            result[method] = MoneyMap(amounts, currencies, methodPath);
        }

        return result;
    }

    private Dictionary<Currency, decimal> MoneyMap(Dictionary<string, decimal> amounts, Currency[] currencies, string path)
    {
        var result = new Dictionary<Currency, decimal>();
        foreach (var (code, amount) in amounts)
        {
            if (!Currency.TryFromCode(code, out var currency) || !string.Equals(code, currency.Code, StringComparison.Ordinal))
            {
                Error($"{path}.{code}", $"'{code}' is not an ISO 4217 currency code in upper case.");
                continue;
            }

            if (Array.IndexOf(currencies, currency) < 0)
            {
                Error($"{path}.{code}", $"{code} is not one of this version's currencies ({string.Join(", ", currencies)}).");
                continue;
            }

            if (amount < 0m)
            {
                Error($"{path}.{code}", $"must not be negative; got {amount.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (!currency.IsWhole(amount))
            {
                Error($"{path}.{code}", $"{amount.ToString(CultureInfo.InvariantCulture)} has more decimals than {code} allows ({currency.MinorUnits}).");
            }

            result[currency] = amount;
        }

        foreach (var currency in currencies)
        {
            if (!result.ContainsKey(currency) && !_errors.Any(e => e.Path.StartsWith(path, StringComparison.Ordinal)))
            {
                Error(path, $"has no amount in {currency}; every amount must be stated in each of the version's currencies.");
            }
        }

        return result;
    }

    private RuleMatcher Matcher(MatchDto? dto, string path, bool requireCondition)
    {
        if (dto is null)
        {
            if (requireCondition)
            {
                Error(path, "is required: the conditions a line must meet for the rule to apply.");
            }

            return RuleMatcher.Any;
        }

        var channelMask = 0;
        if (Values(dto.Channels, $"{path}.channels", StringComparer.Ordinal) is { } channels)
        {
            for (var i = 0; i < channels.Length; i++)
            {
                if (SnakeCaseNames.TryParseSalesChannel(channels[i], out var channel))
                {
                    channelMask |= 1 << (int)channel;
                }
                else
                {
                    Error($"{path}.channels[{i}]", $"'{channels[i]}' is not a sales channel; expected one of {string.Join(", ", SnakeCaseNames.SalesChannels)}.");
                }
            }
        }

        var countries = Values(dto.Countries, $"{path}.countries", StringComparer.OrdinalIgnoreCase);
        for (var i = 0; countries is not null && i < countries.Length; i++)
        {
            if (!CountryCode.TryParse(countries[i], out _))
            {
                Error($"{path}.countries[{i}]", $"'{countries[i]}' is not an ISO 3166-1 alpha-2 country code.");
            }
        }

        var matcher = new RuleMatcher(
            Values(dto.Categories, $"{path}.categories", StringComparer.OrdinalIgnoreCase),
            Values(dto.Skus, $"{path}.skus", StringComparer.Ordinal)?.ToFrozenSet(StringComparer.Ordinal),
            channelMask,
            Values(dto.CustomerTiers, $"{path}.customerTiers", StringComparer.OrdinalIgnoreCase),
            countries);
        if (requireCondition && matcher.IsCatchAll)
        {
            Error(path, "has no condition, so the rule would apply to every line; state the standard value instead.");
        }

        return matcher;
    }

    private string[]? Values(List<string?>? values, string path, StringComparer comparer)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count == 0)
        {
            Error(path, "is empty and would match nothing; leave the field out to match any value.");
            return null;
        }

        var seen = new HashSet<string>(comparer);
        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                Error($"{path}[{i}]", "must be a non-blank string.");
            }
            else if (!seen.Add(values[i]!.Trim()))
            {
                Error($"{path}[{i}]", $"'{values[i]}' is listed twice.");
            }
            else
            {
                result.Add(values[i]!.Trim());
            }
        }

        return [.. result];
    }

    private Currency[] CompileCurrencies(List<string?>? codes, string path)
    {
        if (codes is not { Count: > 0 })
        {
            Error(path, "is required: the currencies this version states amounts in, e.g. [\"EUR\"].");
            return [];
        }

        var result = new List<Currency>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (!Currency.TryFromCode(codes[i], out var currency))
            {
                Error($"{path}[{i}]", $"'{codes[i]}' is not an active ISO 4217 currency code.");
            }
            else if (result.Contains(currency))
            {
                Error($"{path}[{i}]", $"{currency} is listed twice.");
            }
            else
            {
                result.Add(currency);
            }
        }

        return [.. result];
    }

    private bool CompileJurisdictions(List<string?>? packs, string path)
    {
        var eu = false;
        for (var i = 0; packs is not null && i < packs.Count; i++)
        {
            if (string.Equals(packs[i], EuWithdrawalPack, StringComparison.Ordinal))
            {
                eu = true;
            }
            else
            {
                Error($"{path}[{i}]", $"'{packs[i]}' is not a known jurisdiction pack; expected \"{EuWithdrawalPack}\".");
            }
        }

        return eu;
    }

    private FrozenSet<string> CompileWaivingReasons(List<string?>? codes, string path)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; codes is not null && i < codes.Count; i++)
        {
            if (codes[i] is not { } code || !reasons.TryGet(code, out _))
            {
                Error($"{path}[{i}]", $"'{codes[i]}' is not a return reason; expected one of {string.Join(", ", reasons.Reasons.Select(r => r.Code))}.");
            }
            else
            {
                result.Add(code);
            }
        }

        return result.ToFrozenSet(StringComparer.Ordinal);
    }

    private int CompileWaivingFaults(List<string?>? faults, string path)
    {
        var mask = 0;
        for (var i = 0; faults is not null && i < faults.Count; i++)
        {
            var index = Array.IndexOf(FaultNames, faults[i]);
            if (index < 0)
            {
                Error($"{path}[{i}]", $"'{faults[i]}' is not a fault; expected one of {string.Join(", ", FaultNames)}.");
            }
            else
            {
                mask |= 1 << index;
            }
        }

        return mask;
    }

    private RefundTiming CompileTiming(string? name, string path)
    {
        switch (name)
        {
            case null or "after_inspection":
                return RefundTiming.AfterInspection;
            case "at_receipt":
                return RefundTiming.AtReceipt;
            case "at_first_scan":
                return RefundTiming.AtFirstScan;
            default:
                Error(path, $"'{name}' is not a refund timing; expected at_first_scan, at_receipt or after_inspection.");
                return RefundTiming.AfterInspection;
        }
    }

    private OriginalShippingRefund CompileOriginalShipping(List<string?>? names, string path)
    {
        var result = OriginalShippingRefund.None;
        for (var i = 0; names is not null && i < names.Count; i++)
        {
            result |= names[i] switch
            {
                "whole_order" => OriginalShippingRefund.WholeOrder,
                "retailer_fault" => OriginalShippingRefund.RetailerFault,
                _ => Invalid($"{path}[{i}]", $"'{names[i]}' is not a shipping refund condition; expected whole_order or retailer_fault."),
            };
        }

        return result;

        OriginalShippingRefund Invalid(string at, string message)
        {
            Error(at, message);
            return OriginalShippingRefund.None;
        }
    }

    private TenderKind[] CompileTenderOrder(List<string?>? names, string path)
    {
        if (names is null)
        {
            return [.. RefundCalculator.DefaultTenderOrder];
        }

        var order = new List<TenderKind>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (!SnakeCaseNames.TryParseTenderKind(names[i], out var kind))
            {
                Error($"{path}[{i}]", $"'{names[i]}' is not a tender kind; expected one of {string.Join(", ", Enum.GetValues<TenderKind>().Select(k => k.ToName()))}.");
            }
            else if (order.Contains(kind))
            {
                Error($"{path}[{i}]", $"'{names[i]}' is listed twice.");
            }
            else
            {
                order.Add(kind);
            }
        }

        if (names.Count == 0)
        {
            Error(path, "is empty: leave it out for the default order, or list the tender kinds.");
        }

        return [.. order];
    }

    private RefundTypes RefundTypeSet(List<string?> names, string path)
    {
        if (names.Count == 0)
        {
            Error(path, "is empty: at least one refund type must be allowed.");
        }

        var result = RefundTypes.None;
        for (var i = 0; i < names.Count; i++)
        {
            if (SnakeCaseNames.TryParseRefundType(names[i], out var type))
            {
                result |= type;
            }
            else
            {
                Error($"{path}[{i}]", $"'{names[i]}' is not a refund type; expected original_payment, store_credit or exchange.");
            }
        }

        return result;
    }

    private DateTimeOffset ParseEffectiveFrom(string? text, LocalCalendar calendar, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(path, "is required: when orders start being judged by this version, e.g. \"2026-01-01\" or \"2026-01-01T00:00:00+01:00\".");
            return default;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return calendar.StartOfDay(date);
        }

        if (Iso8601.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        Error(path, $"'{text}' is neither a date (YYYY-MM-DD, midnight in the version's time zone) nor an ISO 8601 instant with an offset.");
        return default;
    }

    private static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Etc/UTC", StringComparison.Ordinal))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    private int Days(int days, string path)
    {
        if (days is < 0 or > MaxWindowDays)
        {
            Error(path, $"must be between 0 and {MaxWindowDays} days; got {days}.");
            return 0;
        }

        return days;
    }

    private decimal Percent(decimal value, string path, bool allowZero)
    {
        if (value < 0m || value > 100m || (!allowZero && value == 0m))
        {
            Error(path, $"must be a percentage {(allowZero ? "from 0" : "above 0")} up to 100; got {value.ToString(CultureInfo.InvariantCulture)}.");
            return 0m;
        }

        return value;
    }

    private int Missing(string path, string message)
    {
        Error(path, message);
        return 0;
    }

    private decimal MissingDecimal(string path, string message)
    {
        Error(path, message);
        return 0m;
    }

    private DateOnly MissingDate(string path)
    {
        Error(path, "is required: a date as YYYY-MM-DD.");
        return default;
    }

    private Dictionary<Currency, decimal>? MissingMap(string path)
    {
        Error(path, "is required: an amount per currency, e.g. { \"EUR\": 10 }.");
        return null;
    }

    private void Error(string path, string message) => _errors.Add(new ValidationError(path, message));
}
