namespace Returns.Sdk.Lifecycle;

/// <summary>
/// A document kept with a return, written in the same transaction as the change that produced it: the label a
/// carrier issued, so that a retried request hands back the same label instead of buying a second one.
/// </summary>
public sealed record ReturnAttachment
{
    /// <summary>The largest attachment accepted, 10 MiB.</summary>
    public const int MaxBytes = 10 << 20;

    /// <summary>Creates an attachment.</summary>
    /// <param name="name">A file-like name, unique per return, e.g. <c>label.pdf</c> or <c>qr.png</c>: letters, digits, '.', '-' and '_', at most 100 characters.</param>
    /// <param name="mediaType">The media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">The bytes, at most <see cref="MaxBytes"/>.</param>
    /// <exception cref="ArgumentException">An invalid name or media type, or too many bytes.</exception>
    public ReturnAttachment(string name, string mediaType, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        if (name.Length is 0 or > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"Attachment name '{name}' must be 1 to 100 letters, digits, '.', '-' or '_'.", nameof(name));
        }

        if (content.Length > MaxBytes)
        {
            throw new ArgumentException($"Attachment '{name}' has {content.Length} bytes; at most {MaxBytes} are kept.", nameof(content));
        }

        Name = name;
        MediaType = mediaType;
        Content = content;
    }

    /// <summary>The name, unique per return.</summary>
    public string Name { get; }

    /// <summary>The media type.</summary>
    public string MediaType { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }
}
