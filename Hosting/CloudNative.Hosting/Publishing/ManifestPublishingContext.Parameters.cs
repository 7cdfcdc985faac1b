using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

public sealed partial class ManifestPublishingContext
{
    /// <summary>
    /// <c>parameter.v0</c>: the value is always the parameter's own input, named <c>value</c> and typed string; the
    /// input carries <c>secret</c> and a <c>default</c> (generate rules, or a constant published on purpose).
    /// The parameter's value itself is never read.
    /// </summary>
    private Task WriteParameter(ParameterResource parameter)
    {
        Writer.WriteString("type", "parameter.v0");
        if (parameter is ConnectionStringParameterResource)
        {
            Writer.WriteString("connectionString", parameter.ValueExpression);
        }

        Writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        Writer.WriteStartObject("inputs");
        Writer.WriteStartObject("value");
        // azd treats every input as a string (https://github.com/Azure/azure-dev/issues/3487).
        Writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            Writer.WriteBoolean("secret", true);
        }

        switch (parameter.Default)
        {
            case GenerateParameterDefault generate:
                Writer.WriteStartObject("default");
                WriteGenerate(generate);
                Writer.WriteEndObject();
                break;
            case ConstantParameterDefault { PublishToManifest: true } constant:
                Writer.WriteStartObject("default");
                Writer.WriteString("value", constant.Value);
                Writer.WriteEndObject();
                break;
        }

        Writer.WriteEndObject();
        Writer.WriteEndObject();
        return Task.CompletedTask;
    }

    /// <summary>minLength always; the class switches only when off; the minimum counts only when set (ParameterDefault.cs).</summary>
    private void WriteGenerate(GenerateParameterDefault generate)
    {
        Writer.WriteStartObject("generate");
        Writer.WriteNumber("minLength", generate.MinLength);
        WriteIfFalse("lower", generate.Lower);
        WriteIfFalse("upper", generate.Upper);
        WriteIfFalse("numeric", generate.Numeric);
        WriteIfFalse("special", generate.Special);
        WriteIfSet("minLower", generate.MinLower);
        WriteIfSet("minUpper", generate.MinUpper);
        WriteIfSet("minNumeric", generate.MinNumeric);
        WriteIfSet("minSpecial", generate.MinSpecial);
        Writer.WriteEndObject();

        void WriteIfFalse(string name, bool value)
        {
            if (!value)
            {
                Writer.WriteBoolean(name, false);
            }
        }

        void WriteIfSet(string name, int value)
        {
            if (value != 0)
            {
                Writer.WriteNumber(name, value);
            }
        }
    }
}
