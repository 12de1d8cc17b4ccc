package dev.greenlight.analysis;

import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Statement;

/**
 * What an expression can hold, as far as the rules need to know. {@link #UNKNOWN} is the answer
 * whenever the model is not sure: rules stay silent on it.
 */
public sealed interface Value {

    Value UNKNOWN = new Unknown();

    /** Nothing known. */
    record Unknown() implements Value {
    }

    /** A module or a name in a module outside the workspace, by its canonical dotted name. */
    record Dotted(String name) implements Value {
    }

    /** A module of the workspace. */
    record WorkspaceModule(ModuleModel module) implements Value {
    }

    /** An engine: {@code create_engine(...)} (sync) or {@code create_async_engine(...)} (async). */
    record Engine(boolean async, Url url, Node origin, ModuleModel module) implements Value {
    }

    /**
     * A session factory: {@code sessionmaker(...)}, {@code async_sessionmaker(...)},
     * {@code scoped_session(...)}. {@code expireOnCommit} is the keyword's expression, or null when
     * the default ({@code True}) applies.
     */
    record Factory(boolean async, Expression origin, Value bind, Expression expireOnCommit, ModuleModel module)
            implements Value {
    }

    /**
     * A session. {@code origin} is where it was made (the factory call, the annotation of a
     * parameter); {@code factory} is the factory it came from, if known.
     */
    record Session(boolean async, Node origin, Factory factory, ModuleModel module) implements Value {
    }

    /** A connection: {@code engine.connect()}, {@code async with engine.begin() as conn}. */
    record Connection(boolean async, Node origin) implements Value {
    }

    /** What {@code engine.begin()} returns: a context manager that gives a connection. */
    record ConnectionContext(boolean async, Node origin) implements Value {
    }

    /**
     * A result: buffered ({@code Result}, what {@code await session.execute()} gives) or
     * asynchronous ({@code AsyncResult}, from {@code stream()}); {@code scalars} for the scalar
     * variants.
     */
    record Result(boolean async, boolean scalars) implements Value {
    }

    /**
     * A coroutine that has not been awaited: from a coroutine method ({@code owner} like
     * {@code AsyncSession.commit}) or an {@code async def} of the workspace. {@code result} is what
     * awaiting it gives.
     */
    record Coroutine(String owner, String method, Value result) implements Value {
    }

    /** A function of the workspace. {@code owner} is the class for a method, or null. */
    record Function(ModuleModel module, Statement def, ClassDef owner) implements Value {
    }

    /** A class of the workspace, or one of its instances. */
    record ClassValue(ModuleModel module, ClassDef def, boolean instance) implements Value {
    }

    /** A context manager whose {@code with ... as x} gives {@code entered}. */
    record ContextManager(Value entered) implements Value {
    }

    /**
     * A string: {@code text} is its whole value when {@code complete}, else only its known prefix
     * (the literal start of an f-string). {@code literal} is the string literal that holds the
     * start of the text, for fixes; {@code module} where it stands.
     */
    record Str(String text, boolean complete, Expression literal, ModuleModel module, String via) implements Value {
    }

    /**
     * A declarative base made by a call ({@code Base = declarative_base()},
     * {@code registry().generate_base()}): its subclasses are mapped.
     */
    record MappedBase(Node origin) implements Value {
    }

    /** FastAPI's {@code Depends(dep)} marker. */
    record DependsMarker(Expression dependency, ModuleModel module) implements Value {
    }

    default boolean known() {
        return !(this instanceof Unknown);
    }
}
