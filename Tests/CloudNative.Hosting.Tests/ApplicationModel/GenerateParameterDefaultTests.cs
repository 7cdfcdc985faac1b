using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>Aspire's generated secrets: length, character classes and minimum counts.</summary>
public sealed class GenerateParameterDefaultTests
{
    private const string Lower = "abcdefghjkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Special = "-_.{}~()*+!";

    // Enough draws that a class left out by mistake would show up, with no chance of a false failure.
    private const int Samples = 200;

    [Theory]
    [InlineData(1)]
    [InlineData(22)]
    [InlineData(64)]
    public void ValueHasTheMinimumLength(int minLength)
    {
        var generator = new GenerateParameterDefault { MinLength = minLength };

        Assert.All(Generate(generator), value => Assert.Equal(minLength, value.Length));
    }

    [Fact]
    public void DefaultUsesOnlyAspiresAlphabet()
    {
        var value = string.Concat(Generate(new GenerateParameterDefault()));

        Assert.All(value, c => Assert.Contains(c, Lower + Upper + Digits + Special));
        Assert.DoesNotContain(value, c => c is 'i' or 'l' or 'o' or 'I' or 'L' or 'O');
    }

    [Fact]
    public void SpecialFalseLeavesOutEverySpecialCharacter()
    {
        var value = string.Concat(Generate(new GenerateParameterDefault { Special = false }));

        Assert.DoesNotContain(value, c => Special.Contains(c, StringComparison.Ordinal));
        Assert.Contains(value, char.IsAsciiLetterLower);
        Assert.Contains(value, char.IsAsciiLetterUpper);
        Assert.Contains(value, char.IsAsciiDigit);
    }

    [Fact]
    public void DisabledClassesNeverAppear()
    {
        var value = string.Concat(Generate(new GenerateParameterDefault { Lower = false, Upper = false, Special = false }));

        Assert.All(value, c => Assert.Contains(c, Digits));
    }

    [Fact]
    public void MinimumCountsAreHonouredInEveryValue()
    {
        var generator = new GenerateParameterDefault { MinLength = 10, MinLower = 2, MinUpper = 3, MinNumeric = 4, MinSpecial = 1 };

        Assert.All(Generate(generator), value =>
        {
            Assert.Equal(10, value.Length);
            Assert.True(value.Count(c => Lower.Contains(c, StringComparison.Ordinal)) >= 2, value);
            Assert.True(value.Count(c => Upper.Contains(c, StringComparison.Ordinal)) >= 3, value);
            Assert.True(value.Count(c => Digits.Contains(c, StringComparison.Ordinal)) >= 4, value);
            Assert.True(value.Count(c => Special.Contains(c, StringComparison.Ordinal)) >= 1, value);
        });
    }

    [Fact]
    public void MinimumCountsLongerThanMinLengthWin()
    {
        var generator = new GenerateParameterDefault { MinLength = 4, MinNumeric = 6, MinUpper = 2 };

        Assert.All(Generate(generator), value =>
        {
            Assert.Equal(8, value.Length);
            Assert.True(value.Count(char.IsAsciiDigit) >= 6, value);
        });
    }

    [Fact]
    public void NoCharacterClassIsRejected()
    {
        var generator = new GenerateParameterDefault { Lower = false, Upper = false, Numeric = false, Special = false };

        var error = Assert.Throws<InvalidOperationException>(() => generator.GetDefaultValue());
        Assert.Contains("at least one character class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesAreRandom()
    {
        var values = Generate(new GenerateParameterDefault());

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> Generate(GenerateParameterDefault generator) =>
        [.. Enumerable.Range(0, Samples).Select(_ => generator.GetDefaultValue())];
}
