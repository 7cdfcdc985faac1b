namespace Basket.Api.Model;

// The "Basket" configuration section.
public sealed class BasketOptions
{
    public const string SectionName = "Basket";

    // An abandoned basket is dropped this long after its last write.
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(7);

    public int MaxQuantity { get; set; } = 1000;

    // Bounds the stored value and the catalog lookups one request causes.
    public int MaxLines { get; set; } = 100;

    public bool IsValid() => Expiry > TimeSpan.Zero && MaxQuantity >= 1 && MaxLines >= 1;
}
