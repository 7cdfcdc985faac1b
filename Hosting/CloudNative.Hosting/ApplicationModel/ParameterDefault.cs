using System.Security.Cryptography;
using System.Text;

namespace CloudNative.Hosting.ApplicationModel;

public abstract class ParameterDefault
{
    public abstract string GetDefaultValue();
}

public sealed class ConstantParameterDefault(string value) : ParameterDefault
{
    public string Value { get; } = value;

    /// <summary>Whether the manifest shows this value as the input's default.</summary>
    public bool PublishToManifest { get; init; }

    public override string GetDefaultValue() => Value;
}

/// <summary>
/// Aspire's generated secret. Its alphabet drops look-alike letters (i, l, o): 67 characters,
/// so 22 characters carry about 128 bits of entropy.
/// </summary>
public sealed class GenerateParameterDefault : ParameterDefault
{
    private const string LowerChars = "abcdefghjkmnpqrstuvwxyz";
    private const string UpperChars = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string NumericChars = "0123456789";
    private const string SpecialChars = "-_.{}~()*+!";

    public int MinLength { get; set; } = 22;

    public bool Lower { get; set; } = true;

    public bool Upper { get; set; } = true;

    public bool Numeric { get; set; } = true;

    public bool Special { get; set; } = true;

    public int MinLower { get; set; }

    public int MinUpper { get; set; }

    public int MinNumeric { get; set; }

    public int MinSpecial { get; set; }

    public override string GetDefaultValue()
    {
        var classes = new List<(string Chars, int Min)>();
        AddClass(Lower, LowerChars, MinLower);
        AddClass(Upper, UpperChars, MinUpper);
        AddClass(Numeric, NumericChars, MinNumeric);
        AddClass(Special, SpecialChars, MinSpecial);
        if (classes.Count == 0)
        {
            throw new InvalidOperationException("A generated parameter needs at least one character class (lower, upper, numeric or special).");
        }

        var result = new List<char>();
        foreach (var (chars, min) in classes)
        {
            for (var i = 0; i < min; i++)
            {
                result.Add(chars[RandomNumberGenerator.GetInt32(chars.Length)]);
            }
        }

        var all = string.Concat(classes.Select(c => c.Chars));
        while (result.Count < MinLength)
        {
            result.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        var shuffled = result.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new StringBuilder().Append(shuffled).ToString();

        void AddClass(bool enabled, string chars, int min)
        {
            if (enabled)
            {
                classes.Add((chars, min));
            }
        }
    }
}
