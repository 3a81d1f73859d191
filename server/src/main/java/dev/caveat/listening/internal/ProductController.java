package dev.caveat.listening.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.core.classify.Product;
import dev.caveat.platform.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's product list: its mentions then say which products a post names, so a rep sees at a
 * glance what it is about.
 */
@RestController
@RequestMapping("/api/v1/companies/{slug}/products")
class ProductController {

  static final int MAX_PRODUCTS = 500;

  record ProductView(String name, List<String> aliases) {}

  record ProductList(List<ProductView> products) {}

  private final CompanyAccess access;
  private final CompanyProducts products;

  ProductController(CompanyAccess access, CompanyProducts products) {
    this.access = access;
    this.products = products;
  }

  @GetMapping
  ProductList list(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(products.of(company));
  }

  /** Replaces the whole list; an empty list removes every product. */
  @PutMapping
  ProductList replace(Actor actor, @PathVariable String slug, @RequestBody ProductList request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    List<ProductView> wanted = request.products() == null ? List.of() : request.products();
    if (wanted.size() > MAX_PRODUCTS) {
      throw ApiException.badRequest("A company lists at most " + MAX_PRODUCTS + " products.");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      ProductView product = wanted.get(i);
      if (product == null || product.name() == null || product.name().isBlank()) {
        throw ApiException.badRequest("products[" + i + "] needs a name.");
      }
      if (!names.add(product.name().strip().toLowerCase(Locale.ROOT))) {
        throw ApiException.badRequest(
            "products[" + i + "]: " + product.name() + " is listed twice.");
      }
    }
    List<Product> list =
        wanted.stream()
            .map(
                p ->
                    new Product(
                        p.name().strip(),
                        p.aliases() == null
                            ? List.of()
                            : p.aliases().stream()
                                .filter(a -> a != null && !a.isBlank())
                                .map(String::strip)
                                .toList()))
            .toList();
    products.replace(company, list);
    return view(list);
  }

  private static ProductList view(List<Product> list) {
    return new ProductList(list.stream().map(p -> new ProductView(p.name(), p.aliases())).toList());
  }
}
