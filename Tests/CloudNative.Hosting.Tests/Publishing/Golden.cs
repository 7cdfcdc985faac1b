namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>Compares manifest text with Aspire's literal output (raw string literals in these tests use "\n").</summary>
internal static class Golden
{
    public static void Equal(string expected, string actual) =>
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual);
}
