package weir.api.typeinfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Model types used across the type system tests. */
final class TestTypes {

  private TestTypes() {
  }

  enum Color { RED, GREEN, BLUE }

  enum Op {
    PLUS { int apply(int a, int b) { return a + b; } },
    MINUS { int apply(int a, int b) { return a - b; } };

    abstract int apply(int a, int b);
  }

  record Bid(long auction, long bidder, long price, String channel) {
    static String channelOf(Bid bid) {
      return bid.channel();
    }
  }

  record Person(String name, int age, Color favourite, Optional<String> nickname) {
  }

  record WithArrays(int[] ints, String[] names, long[][] matrix) {
  }

  record Node(String label, Node next) {
  }

  record Holder(Object payload) {
  }

  record Customer(String name, Address address) {
  }

  record Address(String street, Object location) {
  }

  record Order(String id, Customer customer) {
  }

  /** A POJO with public fields, private fields with accessors, an inherited field and nested generics. */
  public static class Basket extends Entity {
    public String owner;
    private List<Map<String, Integer>> counts = new ArrayList<>();
    private boolean open;
    private transient int cached = 42;

    public Basket() {
    }

    public List<Map<String, Integer>> getCounts() {
      return counts;
    }

    public void setCounts(List<Map<String, Integer>> counts) {
      this.counts = counts;
    }

    public boolean isOpen() {
      return open;
    }

    public void setOpen(boolean open) {
      this.open = open;
    }

    int cached() {
      return cached;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Basket b && Objects.equals(b.id, id) && Objects.equals(b.owner, owner)
          && Objects.equals(b.counts, counts) && b.open == open;
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, owner, counts, open);
    }
  }

  /** Superclass contributing a field to {@link Basket}. */
  public static class Entity {
    public Long id;
  }

  /** A generic POJO superclass whose type variable a subclass binds. */
  public static class Box<T> {
    public T value;
  }

  /** Binds {@link Box}'s type variable. */
  public static class StringBox extends Box<String> {
  }

  /** A POJO with a private field and no accessors. */
  public static class Sealed {
    private String secret;
  }

  /** Holds a raw list. */
  public static class RawHolder {
    @SuppressWarnings("rawtypes")
    public List items;
  }

  /** Holds a wildcard list. */
  public static class WildcardHolder {
    public List<? extends Number> numbers;
  }

  /** A POJO with an interface-typed field. */
  public static class WithInterface {
    public CharSequence text;
  }

  /** Keeps insertion order. */
  public static class Ordered {
    public LinkedHashMap<String, Integer> entries;
  }
}
