using System.Text.Json;

namespace CloudNative.Hosting.Publishing;

/// <summary>The manifest's text format: Utf8JsonWriter's defaults as Aspire uses them, two-space indent, "\n", no final newline.</summary>
public static class ManifestJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, NewLine = "\n" };

    /// <summary>Re-renders a manifest fragment exactly as the publisher would write it.</summary>
    public static string Format(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
