/** Trust: verified reps and vendors, moderation with public reasons, and the transparency log. */
package dev.caveat.trust;
