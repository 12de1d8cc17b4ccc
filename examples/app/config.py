from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    database_url: str = "postgresql+asyncpg://bookshop:bookshop@localhost:5432/bookshop"
    # GL007: the read replica's URL was copied from the ops runbook, which is written for psql.
    replica_url: str = "postgresql://bookshop:bookshop@replica:5432/bookshop"
    echo_sql: bool = False


settings = Settings()
