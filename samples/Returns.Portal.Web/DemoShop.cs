using System.Net;

namespace Returns.Portal.Web;

/// <summary>The shop page standing for a retailer's site: it embeds the portal from the other origin.</summary>
internal static class DemoShop
{
    public static void Map(WebApplication app, DemoSettings demo)
    {
        var host = $"localhost:{demo.Port}";
        app.MapGet("/", (HttpContext context) =>
        {
            var lang = context.Request.Query["lang"].ToString() is "it" or "fr" ? context.Request.Query["lang"].ToString() : "en";
            var order = context.Request.Query["order"].ToString();
            var portal = $"{demo.PortalOrigin}/returns?host={Uri.EscapeDataString(demo.ShopOrigin)}&lang={lang}" + (order.Length > 0 ? "&order=" + Uri.EscapeDataString(order) : string.Empty);
            var html = Read("shop.html")
                .Replace("{{lang}}", lang, StringComparison.Ordinal)
                .Replace("{{portal}}", WebUtility.HtmlEncode(portal), StringComparison.Ordinal)
                .Replace("{{portalOrigin}}", WebUtility.HtmlEncode(demo.PortalOrigin), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        }).RequireHost(host).ExcludeFromDescription();
        app.MapGet("/shop.js", () => Results.Text(Read("shop.js"), "text/javascript; charset=utf-8")).RequireHost(host).ExcludeFromDescription();
        app.MapGet("/shop.css", () => Results.Text(Read("shop.css"), "text/css; charset=utf-8")).RequireHost(host).ExcludeFromDescription();
    }

    private static string Read(string name)
    {
        using var stream = typeof(DemoShop).Assembly.GetManifestResourceStream("Shop." + name)
            ?? throw new InvalidOperationException($"The shop asset '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
