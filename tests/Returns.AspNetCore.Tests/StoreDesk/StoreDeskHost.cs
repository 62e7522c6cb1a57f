using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.AspNetCore.StoreDesk;
using Returns.Sdk;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;

namespace Returns.AspNetCore.Tests.StoreDesk;

/// <summary>
/// An application with the store desk mapped at /store-desk, on a TestServer: the SDK wired as a store's installation
/// would wire it (in-memory return store, order source and payment platform), a fake clock, and the
/// <see cref="TestAssociateHandler"/> scheme, which signs in whoever the request's test headers name.
/// </summary>
internal sealed class StoreDeskHost : IAsyncDisposable
{
    public const string Prefix = "/store-desk";
    public const string Amsterdam = "ST-AMS";
    public const string Utrecht = "ST-UTR";
    public const string Warehouse = "WH-1";

    public static readonly DateTimeOffset Now = new(2026, 3, 12, 15, 0, 0, TimeSpan.Zero);

    // Two lines, paid by card and gift card: 3 T-shirts at 19.95 (6.00 line discount) and trainers at 89.95, 10.00 off
    // the order, 4.95 shipping; the platform took 100.00 on the card and 38.75 on the gift card.
    private const string PolicyJson = """
        {
          "policyId": "desk-test",
          "versions": [
            {
              "version": "v1",
              "effectiveFrom": "2026-01-01",
              "timeZone": "Europe/Amsterdam",
              "currencies": ["EUR"],
              "window": { "days": 30 },
              "fees": { "methods": { "in_store": { "EUR": 0 }, "post_office": { "EUR": 3.95 } } },
              "refunds": { "allowed": ["original_payment", "store_credit"] }
            }
          ]
        }
        """;

    // Sealed and unused is A (back on a shelf as new); anything else is C (sold as outlet by the warehouse).
    private const string GradingJson = """
        {
          "default": {
            "rules": [
              { "name": "defect", "when": { "defectDescribed": true }, "then": { "grade": "D", "confidence": 0.8, "explanation": "Defect." } },
              { "name": "new", "when": { "packaging": ["sealed"], "signsOfUse": ["none"], "defectDescribed": false }, "then": { "grade": "A", "confidence": 0.9, "explanation": "As new." } },
              { "name": "rest", "then": { "grade": "C", "confidence": 0.7, "explanation": "Used." } }
            ],
            "dispositions": { "A": ["restock_as_new"], "B": ["repackage_and_restock"], "C": ["sell_as_outlet"], "D": ["return_to_vendor"], "X": ["destroy"] },
            "discrepancyRefunds": {
              "A": { "action": "full_refund" },
              "B": { "action": "full_refund" },
              "C": { "action": "deduct", "percent": 20 },
              "D": { "action": "deduct", "percent": 50 },
              "X": { "action": "reject" }
            }
          }
        }
        """;

    private readonly WebApplication _app;

    private StoreDeskHost(WebApplication app, InMemoryReturnStore store, InMemoryRefundGateway gateway)
    {
        _app = app;
        Store = store;
        Gateway = gateway;
    }

    public InMemoryReturnStore Store { get; }

    public InMemoryRefundGateway Gateway { get; }

    public IServiceProvider Services => _app.Services;

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static Order WebOrder(string number = "WEB-1", string email = "anna@example.com") =>
        new(number, SalesChannel.Web, Currency.EUR, Now.AddDays(-10), new Customer("C-1") { Email = email },
        [
            new OrderLine("1", "TEE-M", 3, Eur(19.95m), new ProductAttributes("apparel")) { Discount = Eur(6.00m), Tax = Eur(9.35m) },
            new OrderLine("2", "SNK-42", 1, Eur(89.95m), new ProductAttributes("shoes")) { Tax = Eur(15.61m) },
        ])
        {
            DeliveredAt = Now.AddDays(-8),
            ShippingPaid = Eur(4.95m),
            OrderDiscount = Eur(10.00m),
            Tenders = [new Tender(TenderKind.Card, Eur(100.00m)) { Reference = "psp_card" }, new Tender(TenderKind.GiftCard, Eur(38.75m)) { Reference = "gc_1" }],
        };

    /// <summary>Starts the application.</summary>
    /// <param name="configure">Changes the desk's endpoint options.</param>
    /// <param name="authorization">Adds authorization policies.</param>
    /// <param name="cookies">Signs in with cookies instead of the test scheme, to see the scheme's own challenge.</param>
    /// <param name="desk">False to leave the SDK's store desk unregistered.</param>
    public static async Task<StoreDeskHost> StartAsync(
        Action<StoreDeskEndpointOptions>? configure = null,
        Action<AuthorizationOptions>? authorization = null,
        bool cookies = false,
        bool desk = true)
    {
        var store = new InMemoryReturnStore();
        var gateway = new InMemoryRefundGateway();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.Services.AddSingleton<IReturnStore>(store);
        var returns = builder.Services.AddReturns()
            .AddReturnPolicy(ReturnPolicy.Parse(PolicyJson, "desk-policy.json"))
            .AddReturnLifecycle()
            .AddConditionGrading(GradingRules.Parse(GradingJson, "desk-grading.json"))
            .AddRefunds()
            .AddRefundGateway(gateway)
            .AddOrderSource(new InMemoryOrderSource(WebOrder(), WebOrder("WEB-2")));
        if (desk)
        {
            returns.AddStoreReturnDesk(o =>
            {
                o.Stores.Add(new WarehouseCapabilities(Amsterdam, [Disposition.RestockAsNew]));
                o.Warehouse = WarehouseCapabilities.Everything(Warehouse);
            });
        }

        if (cookies)
        {
            builder.Services.AddAuthentication("Cookies").AddCookie("Cookies");
        }
        else
        {
            builder.Services.AddAuthentication(TestAssociateHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAssociateHandler>(TestAssociateHandler.SchemeName, null);
        }

        builder.Services.AddAuthorization(authorization ?? (_ => { }));
        builder.Services.Configure(configure ?? (_ => { }));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapReturnsStoreDesk(Prefix);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new StoreDeskHost(app, store, gateway);
    }

    /// <summary>A client signed in as <paramref name="associate"/> with one store claim per entry of <paramref name="stores"/>; anonymous when the associate is null.</summary>
    public HttpClient Client(string? associate = "assoc-17", params string[] stores)
    {
        var client = _app.GetTestClient();
        if (associate is not null)
        {
            client.DefaultRequestHeaders.Add(TestAssociateHandler.AssociateHeader, associate);
            foreach (var store in stores.Length == 0 ? [Amsterdam] : stores)
            {
                client.DefaultRequestHeaders.Add(TestAssociateHandler.StoreHeader, store);
            }
        }

        return client;
    }

    /// <summary>A client signed in without any store claim.</summary>
    public HttpClient ClientWithoutStore(string associate = "assoc-17")
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(TestAssociateHandler.AssociateHeader, associate);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static HttpRequestMessage Confirm(string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Prefix + "/api/confirm") { Content = Json(json) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// The tests' authentication scheme: <c>X-Test-Associate</c> names the associate (no header: anonymous), each
/// <c>X-Test-Store</c> adds a <c>returns:store</c> claim, each <c>X-Test-Role</c> a role.
/// </summary>
internal sealed class TestAssociateHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "TestAssociate";
    public const string AssociateHeader = "X-Test-Associate";
    public const string StoreHeader = "X-Test-Store";
    public const string RoleHeader = "X-Test-Role";

    public TestAssociateHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AssociateHeader, out var associate))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, associate.ToString()) };
        claims.AddRange(Request.Headers[StoreHeader].Select(s => new Claim(StoreDeskEndpointOptions.DefaultStoreIdClaimType, s!)));
        claims.AddRange(Request.Headers[RoleHeader].Select(r => new Claim(ClaimTypes.Role, r!)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
