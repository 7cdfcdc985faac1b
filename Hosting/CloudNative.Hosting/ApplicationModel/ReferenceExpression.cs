using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>
/// A string built from literals and value providers, resolved lazily: in run mode to real values,
/// in the manifest to <c>{resource.path}</c> placeholders. Built with an interpolated string:
/// <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)}")</c>.
/// </summary>
public sealed class ReferenceExpression : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    private ReferenceExpression(string format, IReadOnlyList<object> providers, IReadOnlyList<string?> formats)
    {
        Format = format;
        ValueProviders = providers;
        StringFormats = formats;
    }

    /// <summary>A composite format string: literals with braces doubled, <c>{0}</c>… for providers.</summary>
    public string Format { get; }

    /// <summary>Each is both an <see cref="IValueProvider"/> and an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<object> ValueProviders { get; }

    /// <summary>The format specifier per provider (only <c>uri</c> is known), or null.</summary>
    public IReadOnlyList<string?> StringFormats { get; }

    public IEnumerable<object> References => ValueProviders;

    public string ValueExpression => string.Format(CultureInfo.InvariantCulture, Format,
        ValueProviders.Select((p, i) => (object)ManifestExpressionOf(p, StringFormats[i])).ToArray());

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        if (ValueProviders.Count == 0)
        {
            return string.Format(CultureInfo.InvariantCulture, Format);
        }

        var values = new object?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = await ((IValueProvider)ValueProviders[i]).GetValueAsync(cancellationToken).ConfigureAwait(false);
            values[i] = StringFormats[i] == "uri" && value is not null ? Uri.EscapeDataString(value) : value;
        }

        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    public static ReferenceExpression Literal(string value) => new(Escape(value), [], []);

    public override string ToString() => ValueExpression;

    /// <summary>A formatted parameter becomes a derived <c>annotated.string</c> entry in the manifest.</summary>
    internal static string ManifestExpressionOf(object provider, string? format)
    {
        var expression = ((IManifestExpressionProvider)provider).ValueExpression;
        if (format is null)
        {
            return expression;
        }

        return provider is ParameterResource parameter
            ? $"{{{parameter.Name}-{format}-encoded.value}}"
            : throw new InvalidOperationException($"The format '{format}' can only be applied to a parameter, not to '{expression}'.");
    }

    private static string Escape(string literal) => literal.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly StringBuilder _format;
        private readonly List<object> _providers;
        private readonly List<string?> _formats;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _format = new StringBuilder(literalLength + formattedCount * 4);
            _providers = new List<object>(formattedCount);
            _formats = new List<string?>(formattedCount);
        }

        public readonly void AppendLiteral(string value) => _format.Append(Escape(value));

        public readonly void AppendFormatted(string? value) => _format.Append(Escape(value ?? string.Empty));

        public readonly void AppendFormatted(int value) => AppendFormatted(value.ToString(CultureInfo.InvariantCulture));

        public readonly void AppendFormatted<T>(T provider) where T : IValueProvider, IManifestExpressionProvider =>
            AppendProvider(provider, null);

        public readonly void AppendFormatted<T>(T provider, string format) where T : IValueProvider, IManifestExpressionProvider =>
            AppendProvider(provider, format);

        public readonly void AppendFormatted<T>(IResourceBuilder<T> builder) where T : IResource, IValueProvider, IManifestExpressionProvider =>
            AppendProvider(builder.Resource, null);

        private readonly void AppendProvider(object provider, string? format)
        {
            if (format is not null && format != "uri")
            {
                throw new FormatException($"Unknown format '{format}' in a reference expression; only 'uri' is supported.");
            }

            _format.Append('{').Append(_providers.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
            _providers.Add(provider);
            _formats.Add(format);
        }

        internal readonly ReferenceExpression Build() => new(_format.ToString(), _providers, _formats);
    }
}
