package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The products each company lists, in its own order, with the other names customers use. */
@Repository
class CompanyProducts {

  private final JdbcClient jdbc;

  CompanyProducts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Product> of(CompanyId company) {
    return of(List.of(company)).getOrDefault(company, List.of());
  }

  /** Only companies that list products are in the answer. */
  Map<CompanyId, List<Product>> of(Collection<CompanyId> companies) {
    Map<CompanyId, List<Product>> products = new HashMap<>();
    if (companies.isEmpty()) {
      return products;
    }
    jdbc.sql(
            "select company_id, name, aliases from company_product where company_id = any(?)"
                + " order by company_id, position")
        .param(companies.stream().map(CompanyId::value).toArray(UUID[]::new))
        .query(
            rs -> {
              products
                  .computeIfAbsent(
                      new CompanyId(rs.getObject("company_id", UUID.class)), c -> new ArrayList<>())
                  .add(
                      new Product(
                          rs.getString("name"),
                          List.of((String[]) rs.getArray("aliases").getArray())));
            });
    return products;
  }

  @Transactional
  void replace(CompanyId company, List<Product> products) {
    jdbc.sql("delete from company_product where company_id = ?").param(company.value()).update();
    for (int i = 0; i < products.size(); i++) {
      Product product = products.get(i);
      jdbc.sql(
              "insert into company_product (company_id, position, name, aliases)"
                  + " values (?, ?, ?, ?)")
          .params(company.value(), i, product.name(), product.aliases().toArray(String[]::new))
          .update();
    }
  }
}
