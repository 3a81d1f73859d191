package dev.caveat.account;

import java.util.List;

/**
 * Which companies an actor may act for. Every module asks here before it touches tenant data, and
 * takes the {@link CompanyId} from the answer, never from a request body.
 */
public interface CompanyAccess {

  /**
   * The company with this slug, if the actor may act for it.
   *
   * @throws dev.caveat.platform.ApiException 404 when the company does not exist or the actor may
   *     not see it (the two look the same), 403 when the actor sees it but lacks the permission
   */
  Company require(Actor actor, String slug, Permission permission);

  /** The companies the actor may see, by name. */
  List<Company> visibleTo(Actor actor);
}
