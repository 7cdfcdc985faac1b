using System.Globalization;
using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

public sealed partial class ManifestPublishingContext
{
    // Parameter → (format → derived resource name), both in first-use order.
    private readonly List<(ParameterResource Parameter, List<(string Format, string Name)> Formats)> _formattedParameters = [];

    /// <summary>
    /// The manifest form of a value: strings as they are, value providers as their placeholders, and a parameter
    /// formatted with <c>:uri</c> as a reference to its derived <c>annotated.string</c> entry.
    /// </summary>
    public string GetManifestExpression(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        ReferenceExpression expression => GetManifestExpression(expression),
        IManifestExpressionProvider provider => provider.ValueExpression,
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private string GetManifestExpression(ReferenceExpression expression)
    {
        var arguments = new object[expression.ValueProviders.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var provider = expression.ValueProviders[i];
            var format = expression.StringFormats[i];
            arguments[i] = format is not null && FormattedParameterOf(provider) is { } parameter
                ? $"{{{RegisterFormattedParameter(parameter, format)}.value}}"
                : GetManifestExpression(provider);
        }

        return string.Format(CultureInfo.InvariantCulture, expression.Format, arguments);
    }

    private static ParameterResource? FormattedParameterOf(object provider) => provider switch
    {
        ParameterResource parameter => parameter,
        ReferenceExpression { Format: "{0}", ValueProviders: [ParameterResource parameter] } => parameter,
        _ => null,
    };

    /// <summary>Names the derived entry <c>{parameter}-{format}-encoded</c>, with <c>-1</c>, <c>-2</c>… on a collision.</summary>
    private string RegisterFormattedParameter(ParameterResource parameter, string format)
    {
        var index = _formattedParameters.FindIndex(entry => ReferenceEquals(entry.Parameter, parameter));
        if (index < 0)
        {
            _formattedParameters.Add((parameter, []));
            index = _formattedParameters.Count - 1;
        }

        var formats = _formattedParameters[index].Formats;
        if (formats.FirstOrDefault(f => f.Format == format) is { Name: { } existing })
        {
            return existing;
        }

        var baseName = $"{parameter.Name}-{SanitizeFormat(format)}-encoded";
        var name = baseName;
        for (var suffix = 1; !_manifestResourceNames.Add(name); suffix++)
        {
            name = $"{baseName}-{suffix.ToString(CultureInfo.InvariantCulture)}";
        }

        formats.Add((format, name));
        return name;
    }

    private void WriteFormattedParameterResources(ParameterResource parameter)
    {
        var index = _formattedParameters.FindIndex(entry => ReferenceEquals(entry.Parameter, parameter));
        if (index < 0)
        {
            return;
        }

        foreach (var (format, name) in _formattedParameters[index].Formats)
        {
            Writer.WriteStartObject(name);
            Writer.WriteString("type", "annotated.string");
            Writer.WriteString("value", parameter.ValueExpression);
            Writer.WriteString("filter", format);
            Writer.WriteEndObject();
        }

        _formattedParameters.RemoveAt(index);
    }

    /// <summary>Derived entries of parameters that were written before anything formatted them.</summary>
    private void WriteRemainingFormattedParameters()
    {
        while (_formattedParameters.Count > 0)
        {
            WriteFormattedParameterResources(_formattedParameters[0].Parameter);
        }
    }

    private static string SanitizeFormat(string format)
    {
        var builder = new System.Text.StringBuilder(format.Length);
        var lastWasSeparator = false;
        foreach (var c in format)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSeparator = false;
            }
            else if (!lastWasSeparator)
            {
                builder.Append('-');
                lastWasSeparator = true;
            }
        }

        var sanitized = builder.ToString().Trim('-');
        return sanitized.Length > 0 ? sanitized : "formatted";
    }
}
