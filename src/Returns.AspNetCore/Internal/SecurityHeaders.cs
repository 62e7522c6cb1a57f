using Microsoft.AspNetCore.Http;

namespace Returns.AspNetCore.Internal;

/// <summary>The headers every page and API answer carries.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// A strict Content-Security-Policy: scripts, styles, images and calls only from this origin (plus inline SVG/data
    /// images for QR codes), no plugins, no base-URI tricks, forms only to this origin, and framing only by
    /// <paramref name="frameAncestors"/>.
    /// </summary>
    public static void Apply(HttpResponse response, IReadOnlyCollection<string> frameAncestors)
    {
        var ancestors = frameAncestors.Count == 0 ? "'none'" : string.Join(' ', frameAncestors);
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
            $"font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors {ancestors}";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // frame-ancestors replaces X-Frame-Options in every current browser; older ones get the strictest answer only
        // when no host page may frame the page at all.
        if (frameAncestors.Count == 0)
        {
            response.Headers.XFrameOptions = "DENY";
        }
    }
}
