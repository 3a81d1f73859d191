/**
 * Account: companies (tenants), users, memberships and roles, API tokens and sign-in. Other modules
 * ask {@link dev.caveat.account.CompanyAccess} which company an actor may act for.
 */
package dev.caveat.account;
