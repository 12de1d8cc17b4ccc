package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.config.RuleSelection;
import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.FixApplier;
import dev.greenlight.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other fixes an editor offers beside a diagnostic's own: never applied by {@code check --fix},
 * each a complete edit of its own.
 */
class AlternativeFixesTest {

    private static final String MODULE = """
            from datetime import datetime

            from sqlalchemy import ForeignKey, func
            from sqlalchemy.ext.asyncio import AsyncAttrs, async_sessionmaker, create_async_engine
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

            engine = create_async_engine("sqlite+aiosqlite://")
            SessionLocal = async_sessionmaker(engine)
            KeepingSession = async_sessionmaker(engine, expire_on_commit=False)


            class Base(AsyncAttrs, DeclarativeBase):
                pass


            class Post(Base):
                __tablename__ = "posts"
                id: Mapped[int] = mapped_column(primary_key=True)
                title: Mapped[str]
                edited_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
                comments: Mapped[list["Comment"]] = relationship(back_populates="post")


            class Comment(Base):
                __tablename__ = "comments"
                id: Mapped[int] = mapped_column(primary_key=True)
                post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
                post: Mapped[Post] = relationship(back_populates="comments")


            async def publish(title: str):
                async with SessionLocal() as db:
                    post = Post(title=title)
                    db.add(post)
                    await db.commit()
                    return post.id


            async def retitle(post_id: int, title: str):
                async with KeepingSession() as db:
                    post = await db.get(Post, post_id)
                    post.title = title
                    await db.commit()
                    return post.edited_at


            async def comment_count(post_id: int):
                async with KeepingSession() as db:
                    post = await db.get(Post, post_id)
                    return len(post.comments)
            """;

    private static CheckResult check() {
        return new Checker().check(new SourceFile(Path.of("blog.py"), "blog.py", MODULE), RuleSelection.all());
    }

    private static Diagnostic only(CheckResult result, String code) {
        List<Diagnostic> found = result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, found.size(), result.diagnostics().toString());
        return found.get(0);
    }

    private static String apply(Fix fix) {
        return FixApplier.apply(MODULE, List.of(fix)).text();
    }

    @Test
    void expiredAfterCommitOffersKeepingObjectsOnTheFactory() {
        Diagnostic expired = only(check(), "GL102");
        assertEquals(1, expired.alternatives().size());
        Fix keep = expired.alternatives().get(0);
        assertEquals("Set `expire_on_commit=False` on `async_sessionmaker(...)`", keep.title());
        assertTrue(apply(keep).contains("SessionLocal = async_sessionmaker(engine, expire_on_commit=False)\n"));
        assertTrue(apply(expired.fix()).contains("await db.commit()\n        await db.refresh(post)\n"));
    }

    @Test
    void serverValueOffersEagerDefaultsOnTheModel() {
        Diagnostic stale = only(check(), "GL109");
        assertEquals(1, stale.alternatives().size());
        assertTrue(apply(stale.alternatives().get(0)).contains(
                "    __tablename__ = \"posts\"\n    __mapper_args__ = {\"eager_defaults\": True}\n"));
    }

    @Test
    void lazyLoadOffersAwaitableAttrsBesideTheEagerOption() {
        Diagnostic lazy = only(check(), "GL101");
        assertTrue(lazy.fix().title().contains("selectinload"), lazy.fix().title());
        assertEquals(1, lazy.alternatives().size());
        assertTrue(apply(lazy.alternatives().get(0)).contains("return len((await post.awaitable_attrs.comments))"));
    }
}
