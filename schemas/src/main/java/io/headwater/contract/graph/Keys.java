package io.headwater.contract.graph;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/** The string constants of a key class: the keys it declares. */
final class Keys {

    private Keys() {
    }

    static Set<String> of(Class<?> declaring) {
        Set<String> keys = new TreeSet<>();
        for (Field field : declaring.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(keys);
    }
}
