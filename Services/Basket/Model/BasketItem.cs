namespace Basket.Api.Model;

// One line of a basket: a catalog product and how many of it.
public record BasketItem(int ProductId, int Quantity);
