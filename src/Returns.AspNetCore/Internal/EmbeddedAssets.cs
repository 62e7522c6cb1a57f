using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Returns.AspNetCore.Internal;

/// <summary>Serves a page's scripts, styles and template from the assembly, with an ETag so browsers revalidate cheaply.</summary>
internal sealed class EmbeddedAssets
{
    private static readonly System.Buffers.SearchValues<char> NameCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Asset?> _cache = new(StringComparer.Ordinal);

    /// <param name="prefix">The logical-name prefix, e.g. <c>Returns.AspNetCore.Portal.Assets.</c>.</param>
    public EmbeddedAssets(string prefix) => _prefix = prefix;

    /// <summary>The asset's text, e.g. the page template.</summary>
    public string ReadText(string name) =>
        Find(name) is { } asset ? System.Text.Encoding.UTF8.GetString(asset.Content) : throw new InvalidOperationException($"The embedded asset '{name}' is missing.");

    /// <summary>Writes the asset, 304 when the browser has it, 404 when there is no such asset.</summary>
    public IResult Serve(HttpContext context, string name)
    {
        if (Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=300, must-revalidate";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            context.Response.Headers.ETag = asset.ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private Asset? Find(string name) => _cache.GetOrAdd(name, Load);

    private Asset? Load(string name)
    {
        // Only plain file names: no path can reach another resource.
        if (name.Length is 0 or > 64 || name.AsSpan().ContainsAnyExcept(NameCharacters) || name.StartsWith('.'))
        {
            return null;
        }

        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream(_prefix + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8))}\"").ToString();
        return new Asset(content, ContentType(name), etag);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
