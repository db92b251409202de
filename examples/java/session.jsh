// The README's JShell session (CI replays it): jshell --class-path "cli/target/activebench.jar:$(ls cli/target/lib/*.jar | tr '\n' :)" -R--add-modules=jdk.incubator.vector < examples/java/session.jsh
import org.activebench.core.data.DatasetLoader;
import org.activebench.experiment.ActiveLoop;
var loop = ActiveLoop.on(DatasetLoader.bundled("iris")).learner("logistic").strategy("margin").seed(1).initial(6).start();
loop.metrics()
int[] rows = loop.query(5)
loop.reveal(rows)
loop.reveal(loop.query(5)).get("accuracy")
loop.labelledRows().length
/exit
