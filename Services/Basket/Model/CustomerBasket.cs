namespace Basket.Api.Model;

// What is stored under the user's key and what the API returns; a user without a stored basket has the empty one.
public record CustomerBasket(IReadOnlyList<BasketItem> Items)
{
    public static CustomerBasket Empty { get; } = new([]);
}
