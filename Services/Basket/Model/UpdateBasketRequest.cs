namespace Basket.Api.Model;

// The body of PUT /api/basket: the whole new basket. JSON that does not fit this shape (wrong types, a missing
// property, null items) fails binding and is a 400 before this is validated.
public record UpdateBasketRequest(IReadOnlyList<BasketItem> Items)
{
    // Error keys are the JSON paths of the offending values, so clients can map them back to their lines.
    // A product listed twice is rejected rather than merged: the basket is replaced as given, and a client that
    // sends two lines for one product has a bug that summing would hide.
    public bool TryValidate(BasketOptions options, out Dictionary<string, string[]> errors)
    {
        errors = [];

        if (Items.Count > options.MaxLines)
        {
            errors["items"] = [$"A basket holds at most {options.MaxLines} lines."];
            return false;
        }

        var firstLineOfProduct = new Dictionary<int, int>();
        for (var i = 0; i < Items.Count; i++)
        {
            // System.Text.Json does not enforce non-nullable collection elements.
            if (Items[i] is not { } item)
            {
                errors[$"items[{i}]"] = ["A line must be an object with productId and quantity."];
                continue;
            }

            if (item.ProductId <= 0)
            {
                errors[$"items[{i}].productId"] = ["productId must be a positive catalog product id."];
            }
            else if (!firstLineOfProduct.TryAdd(item.ProductId, i))
            {
                errors[$"items[{i}].productId"] =
                    [$"Product {item.ProductId} is already on line {firstLineOfProduct[item.ProductId]}; give each product one line with its total quantity."];
            }

            if (item.Quantity < 1 || item.Quantity > options.MaxQuantity)
            {
                errors[$"items[{i}].quantity"] = [$"quantity must be between 1 and {options.MaxQuantity}."];
            }
        }

        return errors.Count == 0;
    }
}
