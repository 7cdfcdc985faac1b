using Ordering.Api.Apis;
using Ordering.Api.Domain;
using Ordering.Api.Extensions;

namespace Ordering.Api.Tests;

public sealed class CheckoutValidationTests
{
    static readonly OrderingOptions Options = new() { MaxQuantityPerLine = 10, MaxLines = 3 };

    [Fact]
    public void AProductListedTwiceIsOneLine()
    {
        Assert.True(CheckoutValidation.TryValidate([new(1, 2), new(2, 1), new(1, 3)], Options, out var lines, out _));
        Assert.Equal([new OrderItem(1, 5), new OrderItem(2, 1)], lines);
    }

    [Theory]
    [InlineData(0, 1, "items[0].productId")]
    [InlineData(1, 0, "items[0].quantity")]
    [InlineData(1, -1, "items[0].quantity")]
    [InlineData(1, 11, "items[0].quantity")]
    public void AnInvalidLineIsNamed(int productId, int quantity, string field)
    {
        Assert.False(CheckoutValidation.TryValidate([new(productId, quantity)], Options, out _, out var errors));
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void QuantitiesThatAddUpTooHighAreRefusedWithoutOverflow()
    {
        Assert.False(CheckoutValidation.TryValidate([new(1, 6), new(1, 6)], Options, out _, out var errors));
        Assert.Contains("items", errors.Keys);
        Assert.False(CheckoutValidation.TryValidate([new(1, int.MaxValue), new(1, int.MaxValue)], new OrderingOptions { MaxQuantityPerLine = int.MaxValue }, out _, out _));
    }

    [Fact]
    public void NoItemsOrTooManyAreRefused()
    {
        Assert.False(CheckoutValidation.TryValidate([], Options, out _, out _));
        Assert.False(CheckoutValidation.TryValidate(null, Options, out _, out _));
        Assert.False(CheckoutValidation.TryValidate([new(1, 1), new(2, 1), new(3, 1), new(4, 1)], Options, out _, out _));
    }
}
