-- Which of Heroku's memory defaults per dyno size the deployed release's dynos get (JVM, NODE), if any.
alter table deployments add column memory_defaults varchar(16);
