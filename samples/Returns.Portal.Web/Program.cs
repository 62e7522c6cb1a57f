using Returns.Portal.Web;

// The demo shop: `dotnet run --project samples/Returns.Portal.Web` and open the printed URL.
var builder = WebApplication.CreateBuilder(args);
var demo = DemoSettings.From(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(demo.Port));
if (demo.ClockStart is { } start)
{
    builder.Services.AddSingleton<TimeProvider>(new DemoClock(start));
}

var stores = await DemoReturns.AddAsync(builder.Services, demo);
DemoAssociates.Add(builder.Services);
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapOpenApi();
app.MapReturnsApi("/api/returns");
app.MapReturnsPortal("/returns");
app.MapReturnsStoreDesk("/store-desk");
DemoAssociates.Map(app, stores);
DemoShop.Map(app, demo);

app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine($"Demo shop (embeds the portal):  {demo.ShopOrigin}/");
    Console.WriteLine($"Returns portal on its own:      {demo.PortalOrigin}/returns");
    Console.WriteLine($"Store desk (demo sign-in):      {demo.PortalOrigin}/store-desk");
    Console.WriteLine($"OpenAPI document:               {demo.PortalOrigin}/openapi/v1.json");
    Console.WriteLine($"Returns kept in:                {demo.DatabasePath}");
    Console.WriteLine("Demo orders: WEB-100234 with anna@example.com or 1012 AB; WEB-100235 with marco@example.com or 3011 AB.");
});
await app.RunAsync();

/// <summary>The demo shop's entry point (public so tests can host it).</summary>
public partial class Program;
