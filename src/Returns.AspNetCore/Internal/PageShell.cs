using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Returns.AspNetCore.Internal;

/// <summary>
/// Renders a page: its embedded template with the language, the asset base path and one JSON island of settings and
/// texts the script reads. Scripts and styles come from the page's own origin, so the Content-Security-Policy can
/// forbid every inline script.
/// </summary>
internal static class PageShell
{
    /// <summary>Writes the page with its security headers.</summary>
    /// <param name="context">The request.</param>
    /// <param name="template">The page template with <c>{{lang}}</c>, <c>{{base}}</c>, <c>{{title}}</c> and <c>{{island}}</c>.</param>
    /// <param name="language">The page's language.</param>
    /// <param name="basePath">Where the page and its assets are mapped, e.g. <c>/returns</c>.</param>
    /// <param name="title">The document title.</param>
    /// <param name="islandJson">Settings and texts for the script, as JSON.</param>
    /// <param name="frameAncestors">Who may frame the page: CSP <c>frame-ancestors</c> sources; <c>'none'</c> when empty.</param>
    public static IResult Render(HttpContext context, string template, string language, string basePath, string title, string islandJson, IReadOnlyCollection<string> frameAncestors)
    {
        var html = template
            .Replace("{{lang}}", language, StringComparison.Ordinal)
            .Replace("{{base}}", HtmlEncoder.Default.Encode(basePath), StringComparison.Ordinal)
            .Replace("{{title}}", HtmlEncoder.Default.Encode(title), StringComparison.Ordinal)
            // Escaped so that no text in the island can close its script element or start a comment.
            .Replace("{{island}}", EscapeForScriptElement(islandJson), StringComparison.Ordinal);
        SecurityHeaders.Apply(context.Response, frameAncestors);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string EscapeForScriptElement(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal);
}
