using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Returns.AspNetCore.StoreDesk;

namespace Returns.Portal.Web;

/// <summary>
/// The demo's stand-in for a store's staff sign-in: an associate picks a name and a store and gets a cookie carrying
/// both. A real installation plugs in its own scheme (OpenID Connect, Windows, a badge reader); the desk only asks for
/// an authenticated associate with a store claim.
/// </summary>
internal static class DemoAssociates
{
    private const string SignInPath = "/demo/sign-in";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.Cookie.Name = "returns-desk";
            o.Cookie.HttpOnly = true;
            // The desk's API takes JSON only and the cookie never travels on a cross-site request: no forged posts.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorization();
        services.AddAntiforgery();
    }

    public static void Map(WebApplication app, IReadOnlyList<(string Id, string Name)> stores)
    {
        app.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        {
            var token = antiforgery.GetAndStoreTokens(context);
            var options = string.Concat(stores.Select(s => $"<option value=\"{WebUtility.HtmlEncode(s.Id)}\">{WebUtility.HtmlEncode(s.Name)}</option>"));
            var html = $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Store desk sign-in (demo)</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 2rem auto; padding: 0 1rem">
                <h1>Store desk sign-in</h1>
                <p>Demo only: pick any associate name and your store.</p>
                <form method="post" action="{SignInPath}">
                <input type="hidden" name="{WebUtility.HtmlEncode(token.FormFieldName)}" value="{WebUtility.HtmlEncode(token.RequestToken)}">
                <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/store-desk")}">
                <p><label for="associate">Associate</label><br><input id="associate" name="associate" data-testid="signin-associate" required maxlength="64" value="demo-associate"></p>
                <p><label for="store">Store</label><br><select id="store" name="store" data-testid="signin-store">{options}</select></p>
                <p><button type="submit" data-testid="signin-submit">Sign in</button></p>
                </form></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapPost(SignInPath, async (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] SignInForm form) =>
        {
            var associate = form.Associate?.Trim() ?? string.Empty;
            if (associate.Length is 0 or > 64 || !stores.Any(s => s.Id == form.Store))
            {
                return Results.BadRequest("Pick an associate name (at most 64 characters) and one of the demo stores.");
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, associate), new Claim(ClaimTypes.Name, associate), new Claim(StoreDeskEndpointOptions.DefaultStoreIdClaimType, form.Store!)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            // Only a local path: a sign-in link can never send the associate to another site.
            return Results.LocalRedirect(form.ReturnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/store-desk");
        }).ExcludeFromDescription();
    }

    internal sealed record SignInForm(string? Associate, string? Store, string? ReturnUrl);
}
