package weir.runtime.network;

import java.util.List;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.task.ProgressState;

/** A producer subtask's stand-in: offers its elements into a ring in order, counting how often the ring was full. */
final class ListSource extends TestTasklet {
  private final SpscChannel ring;
  private final List<?> elements;
  private int next;
  volatile int rejections;

  ListSource(SpscChannel ring, List<?> elements) {
    this.ring = ring;
    this.elements = elements;
  }

  @Override
  public ProgressState call() {
    int offered = 0;
    while (next < elements.size() && offered < 256) {
      Object e = elements.get(next);
      if (!ring.offer(e, e instanceof ControlEvent ? Long.MIN_VALUE : next)) {
        rejections++;
        break;
      }
      next++;
      offered++;
    }
    ring.publish();
    if (next == elements.size()) {
      return ProgressState.DONE;
    }
    return offered > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
  }
}
